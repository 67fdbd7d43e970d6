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
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(min(16, max(6, 0.25 * len(buckets) + 4)), 6), sharex=True,
                                      gridspec_kw={"height_ratios": [3, 2]})
    base = [0] * len(buckets)
    for quad in QUADS:
        values = [b.counts[quad] for b in buckets]
        top.bar(x, values, bottom=base, color=COLOURS[quad], label=quad.replace("-", " "), edgecolor="white", linewidth=0.5)
        base = [a + v for a, v in zip(base, values)]
    top.set_ylabel("merged events")
    top.set_title(title, pad=28)
    top.legend(loc="lower left", bbox_to_anchor=(0, 1.0), fontsize=8, frameon=False, ncol=4)
    top.yaxis.get_major_locator().set_params(integer=True)
    intensity = [b.intensity for b in buckets]
    bottom.bar(x, intensity, color=["#2e8b57" if v >= 0 else "#c0392b" for v in intensity])
    bottom.axhline(0, color="#333333", linewidth=0.8)
    bottom.set_ylabel("intensity\n(+ cooperation, − conflict)")
    step = max(1, len(labels) // 24)  # at most ~24 labels, so they stay legible
    bottom.set_xticks(list(x)[::step])
    bottom.set_xticklabels(labels[::step], rotation=45 if len(labels) > 6 else 0, ha="right" if len(labels) > 6 else "center")
    for ax in (top, bottom):
        ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
