"""Small inline SVG charts rendered on the server: bars of volume, the cooperation–conflict line, stacked quad classes.

Every function takes plain numbers and labels and returns escaped SVG markup, so a chart needs no
script and no file from anywhere.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

# One colour per PLOVER quad class (CSS classes of the same names set them in style.css too).
QUAD_COLOURS = {"verbal-cooperation": "#6baed6", "material-cooperation": "#2171b5",
                "verbal-conflict": "#fd8d3c", "material-conflict": "#cb181d"}


def _svg(width: int, height: int, body: str, label: str) -> Markup:
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
                  f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">{body}</svg>')


def bars(points: list[tuple[str, int]], *, width: int = 720, height: int = 160, label: str = "bars") -> Markup:
    """A bar per (label, value); the first and last labels under the axis, each value in a hover title."""
    if not points:
        return _svg(width, 40, '<text x="4" y="24" class="empty">no data</text>', label)
    top = max(v for _, v in points) or 1
    pad, base = 24, height - 20
    step = (width - pad) / len(points)
    parts = [f'<text x="0" y="12" class="axis">{top}</text>',
             f'<line x1="{pad}" y1="{base}" x2="{width}" y2="{base}" class="axis-line" stroke="#999"/>']
    for i, (name, value) in enumerate(points):
        h = (base - 8) * value / top
        x = pad + i * step
        parts.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{max(step - 1, 1):.1f}" height="{h:.1f}" '
                     f'fill="#4a7ab5"><title>{escape(name)}: {value}</title></rect>')
    parts.append(f'<text x="{pad}" y="{height - 4}" class="axis">{escape(points[0][0])}</text>')
    if len(points) > 1:
        parts.append(f'<text x="{width}" y="{height - 4}" text-anchor="end" class="axis">{escape(points[-1][0])}</text>')
    return _svg(width, height, "".join(parts), label)


def line(points: list[tuple[str, int]], *, width: int = 240, height: int = 48, label: str = "line") -> Markup:
    """The signed intensity per period as a line around zero: above is cooperation, below conflict."""
    if not points:
        return _svg(width, height, f'<line x1="0" y1="{height / 2}" x2="{width}" y2="{height / 2}" stroke="#ccc"/>', label)
    span = max(abs(v) for _, v in points) or 1
    mid, pad = height / 2, 5  # the end points' dots stay inside the box
    step = (width - 2 * pad) / max(len(points) - 1, 1)

    def y(v: int) -> float:
        return mid - (mid - 4) * v / span

    coords = [(pad + i * step if len(points) > 1 else width / 2, y(v)) for i, (_, v) in enumerate(points)]
    parts = [f'<line x1="0" y1="{mid}" x2="{width}" y2="{mid}" stroke="#bbb" stroke-dasharray="3 3"/>']
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in coords)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#555" stroke-width="1.5"/>')
    for (x, yy), (name, v) in zip(coords, points):
        if not v and len(points) > 1:
            continue  # a dot where something happened; quiet periods are the line alone
        colour = "#2171b5" if v > 0 else "#cb181d" if v < 0 else "#888"
        parts.append(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="3" fill="{colour}"><title>{escape(name)}: {v:+g}</title></circle>')
    return _svg(width, height, "".join(parts), label)


def stacked(periods: list[dict], *, width: int = 720, height: int = 200, label: str = "timeline") -> Markup:
    """Events per period stacked by quad class (cooperation up, conflict down), intensity as a line."""
    if not periods:
        return _svg(width, 40, '<text x="4" y="24" class="empty">no dated events</text>', label)
    up = max(p["verbal-cooperation"] + p["material-cooperation"] for p in periods)
    down = max(p["verbal-conflict"] + p["material-conflict"] for p in periods)
    span = max(up, down, 1)
    mid = height / 2
    scale = (mid - 14) / span
    step = width / len(periods)
    parts = [f'<line x1="0" y1="{mid}" x2="{width}" y2="{mid}" stroke="#999"/>']
    for i, p in enumerate(periods):
        w = min(max(step - 2, 1), 40)  # one period must not fill the chart
        x = i * step + (step - w) / 2
        above, below = mid, mid
        for quad in ("verbal-cooperation", "material-cooperation"):
            h = p[quad] * scale
            above -= h
            if h:
                parts.append(f'<rect x="{x:.1f}" y="{above:.1f}" width="{w:.1f}" height="{h:.1f}" '
                             f'fill="{QUAD_COLOURS[quad]}"><title>{escape(p["period"])} {quad}: {p[quad]}</title></rect>')
        for quad in ("verbal-conflict", "material-conflict"):
            h = p[quad] * scale
            if h:
                parts.append(f'<rect x="{x:.1f}" y="{below:.1f}" width="{w:.1f}" height="{h:.1f}" '
                             f'fill="{QUAD_COLOURS[quad]}"><title>{escape(p["period"])} {quad}: {p[quad]}</title></rect>')
            below += h
    parts.append(f'<text x="2" y="{height - 2}" class="axis">{escape(periods[0]["period"])}</text>')
    if len(periods) > 1:
        parts.append(f'<text x="{width - 2}" y="{height - 2}" text-anchor="end" class="axis">'
                     f'{escape(periods[-1]["period"])}</text>')
    return _svg(width, height, "".join(parts), label)
