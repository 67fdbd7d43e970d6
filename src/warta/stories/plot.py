"""A timeline as a picture (PNG or SVG): event counts per quad class above, signed intensity below."""

from __future__ import annotations

from pathlib import Path

from warta.stories.timeline import QUADS, Bucket

COLOURS = {  # cooperation in greens, conflict in reds; verbal lighter than material
    "verbal-cooperation": "#8fd19e",
    "material-cooperation": "#2e8b57",
    "verbal-conflict": "#f4a582",
    "material-conflict": "#c0392b",
}


def render(buckets: list[Bucket], path: Path, *, title: str) -> None:
    """Write the figure to ``path`` (its suffix, .png or .svg, picks the format)."""
    import matplotlib

    matplotlib.use("Agg")  # no display: files only
    import matplotlib.pyplot as plt

    labels = [b.period for b in buckets]
    x = range(len(buckets))
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(max(6, 0.6 * len(buckets) + 3), 6), sharex=True,
                                      gridspec_kw={"height_ratios": [3, 2]})
    base = [0] * len(buckets)
    for quad in QUADS:
        values = [b.counts[quad] for b in buckets]
        top.bar(x, values, bottom=base, color=COLOURS[quad], label=quad.replace("-", " "), edgecolor="white", linewidth=0.5)
        base = [a + v for a, v in zip(base, values)]
    top.set_ylabel("merged events")
    top.set_title(title)
    top.legend(loc="upper left", fontsize=8, frameon=False, ncol=2)
    top.yaxis.get_major_locator().set_params(integer=True)
    intensity = [b.intensity for b in buckets]
    bottom.bar(x, intensity, color=["#2e8b57" if v >= 0 else "#c0392b" for v in intensity])
    bottom.axhline(0, color="#333333", linewidth=0.8)
    bottom.set_ylabel("intensity\n(+ cooperation, − conflict)")
    bottom.set_xticks(list(x))
    bottom.set_xticklabels(labels, rotation=45 if len(labels) > 6 else 0, ha="right" if len(labels) > 6 else "center")
    for ax in (top, bottom):
        ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
