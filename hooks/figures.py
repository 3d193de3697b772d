"""Figures drawn at build time from the dataset, as inline SVG: no chart library in the browser.

Pure functions (records in, SVG text out). Colours are CSS classes whose values
extra.css sets for the light and the dark palette; text uses currentColor. Each figure
has a <title> and a <desc> that states what it shows, and scales to the screen's width.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from functools import cache
from html import escape
from pathlib import Path

import pycountry

from dataset import Agreement, Organisation, Record, State, is_member, year
from schema import DATA_DIR

WORLD = DATA_DIR / "natural-earth" / "countries-50m.json"
FIRST_YEAR = 1935


def _svg(width: int, height: int, title: str, desc: str, body: str, ident: str, wide: bool = False,
         natural: bool = False) -> str:
    """An SVG figure; a wide one keeps a legible minimum width, a natural one never shrinks below its
    own size, and both scroll sideways in their frame rather than shrink their labels."""
    style = f' style="min-width: {width}px"' if natural else ""
    return (f'<svg class="data-svg{" data-svg--wide" if wide else ""}"{style} viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(desc)}</desc>'
            f"{body}</svg>")


# ---------------------------------------------------------------------------
# Timeline: agreements, organisations and exercise series, 1937 to now
# ---------------------------------------------------------------------------

def _timeline_rows(dataset: dict[str, list[Record]], this_year: int) -> list[tuple[int, str, str, int, str]]:
    """(start, kind, name, end, id) per row: every organisation and exercise series, and the agreements
    that carry an alliance obligation or were invoked (the others are in the data table)."""
    invoked = {i.agreement for i in dataset.get("invocations", [])}
    rows = [(year(o.founded), "organisations", o.name, year(o.ended) or this_year, o.id) for o in dataset.get("organisations", [])]
    for record in dataset.get("agreements", []):
        if record.strongest == "none" and record.id not in invoked:
            continue
        end = year(record.ended) or (this_year if record.status == "in force" else year(record.signed))
        rows.append((year(record.signed), "agreements", record.name, end, record.id))
    rows += [(e.earliest_year(), "exercises", e.name, max([e.earliest_year(), *e.editions]), e.id) for e in dataset.get("exercises", [])]
    return sorted(rows, key=lambda row: (row[0], row[2]))


TIMELINE_LEGEND = (("organisations", "Organisation, to its end or today"),
                   ("agreements", "Agreement with an alliance obligation, or invoked, to its end (today if in force)"),
                   ("exercises", "Exercise series, to its last confirmed edition"),
                   ("invocation", "A party asked for help, or a joint force deployed, under it"))


def timeline_svg(dataset: dict[str, list[Record]], this_year: int | None = None) -> str:
    this_year = this_year or dt.date.today().year
    rows = _timeline_rows(dataset, this_year)
    width, left, right, step = 800, 370, 785, 15
    longest = int((left - 12) / 7)  # characters that fit the label column at 12 px, wide glyphs allowed for
    top = 18 * len(TIMELINE_LEGEND) + 30
    height = top + step * len(rows) + 10

    def x(value: int) -> float:
        return left + (value - FIRST_YEAR) / (this_year + 1 - FIRST_YEAR) * (right - left)

    body = []
    for n, (kind, label) in enumerate(TIMELINE_LEGEND):  # one legend item a line: they never overlap
        y = 12 + n * 18
        body.append(_mark(kind, 8, y) + f'<text class="fig-label" x="18" y="{y + 4}">{escape(label)}</text>')
    body += [f'<line class="fig-axis" x1="{x(y):.1f}" y1="{top - 4}" x2="{x(y):.1f}" y2="{height - 6}"/>'
             f'<text class="fig-label" x="{x(y):.1f}" y="{top - 8}" text-anchor="middle">{y}</text>'
             for y in range(1940, this_year + 1, 20)]
    positions = {}
    for n, (start, kind, name, finish, ident) in enumerate(rows):
        y_mid = top + n * step + step / 2
        positions[ident] = y_mid
        label = name if len(name) <= longest else name[:longest - 1].rstrip() + "…"
        body.append(f'<text class="fig-label" x="{left - 6}" y="{y_mid + 4:.1f}" text-anchor="end">'
                    f'<title>{escape(name)}</title>{escape(label)}</text>')
        if finish > start:
            body.append(f'<rect class="fig-{kind}" x="{x(start):.1f}" y="{y_mid - 4:.1f}" '
                        f'width="{x(finish + 1) - x(start):.1f}" height="8" rx="2"/>')
        body.append(_mark(kind, x(start), y_mid))
    marks = [i for i in dataset.get("invocations", []) if (i.agreement or i.organisation) in positions]
    for invocation in marks:
        body.append(_mark("invocation", x(year(invocation.date)), positions[invocation.agreement or invocation.organisation],
                          f"{invocation.date}: {invocation.asked}"))
    counts = {kind: sum(1 for row in rows if row[1] == kind) for kind in ("agreements", "organisations", "exercises")}
    desc = (f"A timeline from {FIRST_YEAR} to {this_year} of {counts['agreements']} agreements, "
            f"{counts['organisations']} organisations and {counts['exercises']} exercise series, one row each, "
            "ordered by the year each began; bars run to the year each ended, to today for organisations and agreements "
            f"in force, and to the last confirmed edition for exercise series; {len(marks)} diamonds mark the years in "
            "which a party asked for help under one, or a joint force deployed under it.")
    return _svg(width, height, "Chronology of agreements, organisations and exercises", desc, "".join(body), "timeline", wide=True)


def _mark(kind: str, x: float, y: float, title: str = "") -> str:
    """A row's start (a dot) or an invocation (a diamond), with an optional tooltip."""
    tip = f"<title>{escape(title)}</title>" if title else ""
    if kind == "invocation":
        return (f'<path class="fig-invocation" d="M{x:.1f},{y - 6:.1f}l5,6l-5,6l-5,-6z">{tip}</path>')
    return f'<circle class="fig-{kind}" cx="{x:.1f}" cy="{y:.1f}" r="4">{tip}</circle>'


# ---------------------------------------------------------------------------
# Maps: choropleths of membership from Natural Earth boundaries
# ---------------------------------------------------------------------------

BOUNDS = (-95.0, 155.0, 62.0, -42.0)  # west, east, north, south: the OIC's members and their partners
MAP_WIDTH = 720


@cache
def _world() -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """(ISO alpha-3, rings of (lon, lat)) for each country of the Natural Earth file."""
    topo = json.loads(Path(WORLD).read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc[1:] if points else arc)
        return points

    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=geometry.get("id", "")) if geometry.get("id") else None
        if not country:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        countries.append((country.alpha_3, [ring(r) for polygon in polygons for r in polygon]))
    return countries


Bounds = tuple[float, float, float, float]  # west, east, north, south, in degrees


def _project(lon: float, lat: float, bounds: Bounds, width: float) -> tuple[float, float]:
    west, east, north, south = bounds
    scale = width / (east - west)
    return (lon - west) * scale, (north - lat) * scale


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: keep the fewest points that leave no dropped one more than `tolerance`
    pixels from the outline. Against the radial-distance rule it replaced (2 px), it draws
    closer to the coast with a third less path data (the /data/maps/ page's weight)."""
    keep = {0, len(points) - 1}
    spans = [(0, len(points) - 1)]
    while spans:
        first, last = spans.pop()
        (xa, ya), (xb, yb) = points[first], points[last]
        length = math.hypot(xb - xa, yb - ya)
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            x, y = points[i]
            d = abs((yb - ya) * (x - xa) - (xb - xa) * (y - ya)) / length if length else math.hypot(x - xa, y - ya)
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep.add(farthest)
            spans += [(first, farthest), (farthest, last)]
    return [points[i] for i in sorted(keep)]


@cache
def _simplified(index: int, scale: float, tolerance: float = 1.5) -> list[list[tuple[float, float]]]:
    """Country `index` of _world(), simplified to draw at `scale` pixels per degree, `tolerance`
    in pixels. The projection only scales and shifts, so which points Douglas-Peucker keeps
    depends on the scale alone: the state profiles' locator maps, 41 of 57 at one scale, share
    the work: their outlines took 1.2 s of the build, now 0.5 s."""
    return [_simplify(ring, tolerance / scale) for ring in _world()[index][1]]


def _path(rings: list[list[tuple[float, float]]], bounds: Bounds, width: float) -> str:
    """An SVG path in relative moves: each simplified ring projected and rounded to whole pixels."""
    parts = []
    for ring in rings:
        rounded = []
        for lon, lat in ring:
            x, y = _project(lon, lat, bounds, width)
            point = (round(x), round(y))
            if not rounded or point != rounded[-1]:
                rounded.append(point)
        if len(rounded) < 3:
            continue  # too small to draw at this scale; see _shape for small states
        (x0, y0), steps = rounded[0], []
        for (xa, ya), (xb, yb) in zip(rounded, rounded[1:]):
            steps.append(f"{xb - xa},{yb - ya}")
        parts.append(f"M{x0},{y0}l" + " ".join(steps) + "z")
    return "".join(parts)


def _shape(index: int, bounds: Bounds, width: float) -> str:
    """The country's outline, or for a state too small to draw (Bahrain, the Maldives) a dot."""
    west, east = bounds[:2]
    path = _path(_simplified(index, width / (east - west)), bounds, width)
    if path:
        return f'd="{path}"'
    points = [_project(lon, lat, bounds, width) for ring in _world()[index][1] for lon, lat in ring]
    x, y = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    return f'd="M{x - 3:.0f},{y:.0f}a3,3 0 1,0 6,0a3,3 0 1,0 -6,0z"'


@cache
def _boxes() -> dict[str, Bounds]:
    """Each country's extent (west, east, north, south), from its largest ring, so that overseas
    territories do not stretch it."""
    boxes = {}
    for code, rings in _world():
        ring = max(rings, key=len)
        lons, lats = [p[0] for p in ring], [p[1] for p in ring]
        boxes[code] = (min(lons), max(lons), max(lats), min(lats))
    return boxes


def region_bounds(codes: set[str], margin: float = 6.0, least: float = 24.0) -> Bounds:
    """The extent of the given countries with a margin, at least `least` degrees wide, kept within BOUNDS."""
    boxes = [_boxes()[code] for code in codes if code in _boxes()]
    if not boxes:
        return BOUNDS
    west, east = min(b[0] for b in boxes) - margin, max(b[1] for b in boxes) + margin
    north, south = max(b[2] for b in boxes) + margin, min(b[3] for b in boxes) - margin
    if east - west < least:
        middle = (east + west) / 2
        west, east = middle - least / 2, middle + least / 2
    if north - south < least * 0.6:
        middle = (north + south) / 2
        north, south = middle + least * 0.3, middle - least * 0.3
    return (max(west, BOUNDS[0]), min(east, BOUNDS[1]), min(north, 80.0), max(south, -58.0))


@cache
def _map_paths(bounds: Bounds, width: float) -> dict[str, str]:
    west, east, north, south = bounds
    return {code: _shape(index, bounds, width) for index, (code, _) in enumerate(_world())
            if _boxes()[code][1] >= west and _boxes()[code][0] <= east and _boxes()[code][3] <= north and _boxes()[code][2] >= south}


def map_svg(ident: str, title: str, groups: dict[str, set[str]], desc: str, legend: dict[str, str] | None = None,
            bounds: Bounds = BOUNDS, width: int = MAP_WIDTH) -> str:
    """A map where each group (CSS class -> country codes) is filled in its own colour, with its legend
    (CSS class -> label) drawn inside the figure."""
    west, east, north, south = bounds
    height = round(_project(east, south, bounds, width)[1])
    body = [f'<rect class="fig-sea" width="{width}" height="{height}"/>']
    for code, shape in sorted(_map_paths(bounds, width).items()):
        css = next((group for group, codes in groups.items() if code in codes), "fig-land")
        body.append(f'<path class="{css}" {shape}><title>{escape(_name(code))}</title></path>')
    for n, (css, label) in enumerate((legend or {}).items()):
        y = 8 + n * 20
        body.append(f'<rect class="fig-legend-box" x="6" y="{y - 2}" width="{len(label) * 7 + 30}" height="20" rx="2"/>'
                    f'<rect class="{css}" x="10" y="{y + 2}" width="12" height="12"/>'
                    f'<text class="fig-label" x="27" y="{y + 13}">{escape(label)}</text>')
    return _svg(width, height, title, desc, "".join(body), ident)


def _name(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code)
    return getattr(country, "common_name", None) or country.name


def oic_map(states: list[State]) -> str:
    members = {s.id for s in states if s.oic_status == "member"}
    observers = {s.id for s in states if s.oic_status == "observer"}
    desc = (f"A map of {len(members)} OIC member states and {len(observers)} observer states, "
            "from West Africa and South America to Southeast Asia, in the colours of the legend.")
    return map_svg("map-oic", "OIC member and observer states", {"fig-member": members, "fig-observer": observers}, desc,
                   {"fig-member": "Member state", "fig-observer": "Observer state"})


def organisation_map(organisation: Organisation, on: str | None = None) -> str:
    """The organisation's current and former members, on a map cropped to them."""
    on = on or str(dt.date.today().year)
    current = {s.state for s in organisation.members if is_member(s, on)}
    former = {s.state for s in organisation.members} - current
    name = organisation.acronym or organisation.name
    desc = (f"A map of the {len(current)} current and {len(former)} former members of the {organisation.name}, "
            "in the colours of the legend.")
    legend = {"fig-member": "Current member"} | ({"fig-observer": "Former member"} if former else {})
    return map_svg(f"map-{organisation.id}", f"Members of the {name}", {"fig-member": current, "fig-observer": former}, desc,
                   legend, region_bounds(current | former))


def agreement_map(agreement: Agreement) -> str:
    """The parties to an agreement, filled in the colour of its strongest obligation (as in the matrix)."""
    kind = _tie(agreement)
    desc = (f"A map of the {len(agreement.parties)} parties to the {agreement.name}, filled in the colour of its "
            f"strongest obligation: {TIE_CLASSES[kind].lower()}.")
    return map_svg(f"map-{agreement.id}", f"Parties to the {agreement.name}", {f"fig-tie-{kind}": set(agreement.parties)},
                   desc, {f"fig-tie-{kind}": f"Party: {TIE_CLASSES[kind].lower()}"}, region_bounds(set(agreement.parties)))


def locator_map(state: State) -> str:
    """A small map of the state's region with the state filled."""
    desc = f"A map locating {state.name} among its neighbours."
    return map_svg(f"map-{state.id.lower()}", f"Where {state.name} is", {"fig-member": {state.id}}, desc,
                   bounds=region_bounds({state.id}, margin=14.0, least=40.0), width=360)


# ---------------------------------------------------------------------------
# Matrix: which states are tied to which by agreements
# ---------------------------------------------------------------------------

TIE_CLASSES = {"defense": "A defense obligation", "alliance": "Another alliance obligation (offense, neutrality, "
               "non-aggression or consultation)", "cooperation": "Cooperation only, or obligations not coded"}


def _tie(agreement: Agreement) -> str:
    strongest = agreement.strongest
    return "defense" if strongest == "defense" else "alliance" if strongest != "none" else "cooperation"


def agreement_matrix_svg(agreements: list[Agreement], states: list[State] | None = None) -> str:
    """A symmetric matrix of the OIC states (or, without state records, every party): a cell is filled
    when two states share an agreement, in the colour of the strongest obligation between them."""
    known = {s.id for s in states} if states else None
    codes = sorted({p for a in agreements for p in a.parties if known is None or p in known})
    rank = list(TIE_CLASSES)
    ties: dict[tuple[str, str], str] = {}
    for agreement in agreements:
        kind = _tie(agreement)
        for a in agreement.parties:
            for b in agreement.parties:
                current = ties.get((a, b))
                if a != b and a in codes and b in codes and (current is None or rank.index(kind) < rank.index(current)):
                    ties[(a, b)] = kind
    cell, margin, legend = 15, 36, 20 * len(TIE_CLASSES) + 10
    size = margin + cell * len(codes) + 4
    body = []
    for n, (kind, label) in enumerate(TIE_CLASSES.items()):
        body.append(f'<rect class="fig-tie-{kind}" x="4" y="{4 + n * 20}" width="13" height="13"/>'
                    f'<text class="fig-label" x="22" y="{15 + n * 20}">{escape(label)}</text>')
    for i, code in enumerate(codes):
        position = legend + margin + i * cell + cell / 2 + 4
        column = margin + i * cell + cell / 2 + 4
        body.append(f'<text class="fig-label" x="{margin - 4}" y="{position:.1f}" text-anchor="end">{code}</text>')
        body.append(f'<text class="fig-label" x="{column:.1f}" y="{legend + margin - 4}" '
                    f'transform="rotate(-90 {column:.1f} {legend + margin - 4})">{code}</text>')
    for (a, b), kind in sorted(ties.items()):
        i, j = codes.index(a), codes.index(b)
        body.append(f'<rect class="fig-tie-{kind}" x="{margin + j * cell}" y="{legend + margin + i * cell}" '
                    f'width="{cell - 1}" height="{cell - 1}"><title>{escape(_name(a))}–{escape(_name(b))}</title></rect>')
    pairs = len(ties) // 2
    by_kind = {kind: sum(1 for k in ties.values() if k == kind) // 2 for kind in TIE_CLASSES}
    desc = (f"A matrix of {len(codes)} states; {pairs} pairs share at least one recorded agreement: "
            f"{by_kind['defense']} with a defense obligation, {by_kind['alliance']} with another alliance obligation "
            f"and {by_kind['cooperation']} with cooperation only or obligations not coded.")
    return _svg(max(size, 420), size + legend, "Which states are tied by agreements, and how strongly", desc, "".join(body),
                "matrix", natural=True)
