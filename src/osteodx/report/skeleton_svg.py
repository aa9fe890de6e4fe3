"""A front-view skeleton in SVG with each surveyed region coloured by its status.

The distribution of sclerosis (axial only, skull base, metaphyses, ...) is what separates the
sclerosing bone disorders, and a clinician reads a distribution faster from a picture than from
a list. The drawing is built from plain shapes with fixed coordinates, so the output is
byte-identical for the same input and needs no fonts, scripts or images.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

__all__ = ["REGIONS", "STATUS_LABELS", "skeleton_svg"]

#: the survey regions, in reading order (head to toe)
REGIONS: dict[str, str] = {
    "skull_vault": "Skull vault",
    "skull_base": "Skull base",
    "spine": "Spine",
    "ribs": "Ribs",
    "pelvis": "Pelvis",
    "long_bone_epiphysis": "Long-bone epiphyses",
    "long_bone_metaphysis": "Long-bone metaphyses",
    "long_bone_diaphysis": "Long-bone diaphyses",
    "hands": "Hands",
    "feet": "Feet",
}

STATUS_LABELS: dict[str, str] = {"involved": "involved", "spared": "spared",
                                 "not_examined": "not examined"}

# fill, stroke, dash: dark solid / pale solid / hatched, so the statuses survive greyscale
_STYLE: dict[str, tuple[str, str, str]] = {
    "involved": ("#e8590c", "#8f3306", ""),
    "spared": ("#b2f2bb", "#2b8a3e", ""),
    "not_examined": ("url(#sk-hatch)", "#868e96", "3 2"),
}
_NEUTRAL = ("#f1f3f5", "#ced4da", "")
W, H = 300, 700  # viewBox; the figure takes y 0..620, the legend below
CX = W / 2


def _n(x: float) -> str:
    """Coordinates with at most one decimal, so output does not depend on float noise."""
    s = f"{x:.1f}"
    return s[:-2] if s.endswith(".0") else s


def _pts(points: Iterable[tuple[float, float]]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _mirror(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [(W - x, y) for x, y in points]


class _Canvas:
    """Shapes collected per region, emitted region by region in a fixed drawing order."""

    def __init__(self) -> None:
        self.shapes: dict[str, list[str]] = {}

    def add(self, region: str, shape: str) -> None:
        self.shapes.setdefault(region, []).append(shape)

    def poly(self, region: str, points: list[tuple[float, float]], both: bool = True) -> None:
        self.add(region, f'<polygon points="{_pts(points)}"/>')
        if both:
            self.add(region, f'<polygon points="{_pts(_mirror(points))}"/>')

    def path(self, region: str, d: str) -> None:
        self.add(region, f'<path d="{d}"/>')

    def rect(self, region: str, x: float, y: float, w: float, h: float, r: float = 1.5,
             both: bool = True) -> None:
        for xx in ([x, W - x - w] if both else [x]):
            self.add(region, f'<rect x="{_n(xx)}" y="{_n(y)}" width="{_n(w)}" '
                             f'height="{_n(h)}" rx="{_n(r)}"/>')


def _long_bone(cv: _Canvas, x: float, y0: float, y1: float, shaft: float, end: float) -> None:
    """One long bone along a vertical axis: epiphysis, metaphysis, diaphysis at each end.

    The 1.6-unit gaps stand for the growth plates, which is where the metaphysis begins.
    """
    length = y1 - y0
    epi, meta, gap = 0.08 * length, 0.15 * length, 1.6
    hs, he = shaft / 2, end / 2
    for top, sign in ((y0, 1), (y1, -1)):
        e_end = top + sign * epi
        cv.rect("long_bone_epiphysis", x - he, min(top, e_end), end, epi, r=he * 0.8)
        m0 = e_end + sign * gap
        m1 = m0 + sign * meta
        cv.poly("long_bone_metaphysis", [(x - he, m0), (x + he, m0), (x + hs, m1), (x - hs, m1)])
    d0, d1 = y0 + epi + gap + meta, y1 - epi - gap - meta
    cv.rect("long_bone_diaphysis", x - hs, d0, shaft, d1 - d0, r=0)


def _draw(cv: _Canvas) -> None:
    # skull: the vault is the dome, the base the dense band through orbits and petrous ridges
    cv.path("skull_vault", "M121 66 C117 30 134 14 150 14 C166 14 183 30 179 66 Z")
    cv.path("skull_base", "M121 66 L179 66 L176 84 C166 89 134 89 124 84 Z")
    cv.path("neutral_front", "M127 86 C129 103 141 111 150 111 C159 111 171 103 173 86 "
                             "L166 88 C162 98 157 103 150 103 C143 103 138 98 134 88 Z")
    for x in (138, 162):  # orbits, drawn as neutral holes over the skull base
        cv.add("neutral_front", f'<ellipse cx="{x}" cy="73" rx="7" ry="5.5"/>')
    # spine: 7 cervical, 12 thoracic, 5 lumbar vertebrae, widening downwards
    y, tops = 118.0, []
    for count, height, w0, w1 in ((7, 5.2, 11, 13), (12, 8.2, 14, 19), (5, 10.6, 22, 27)):
        tops.append(y)
        for i in range(count):
            w = w0 + (w1 - w0) * i / max(count - 1, 1)
            cv.rect("spine", CX - w / 2, y, w, height, r=1.6, both=False)
            y += height + 1.5
    top_t = tops[1]  # the first thoracic vertebra carries the first rib
    # ribs: ten curved pairs from the spine out and down; drawn as strokes
    widths = (28, 38, 45, 50, 54, 56, 56, 54, 50, 45)
    for i, w in enumerate(widths):
        ry = top_t + 4 + i * 9.7
        d = (f"M{_n(CX - 8)} {_n(ry)} C{_n(CX - w * 0.7)} {_n(ry - 8)} {_n(CX - w - 1)} "
             f"{_n(ry - 2)} {_n(CX - w)} {_n(ry + 9)} C{_n(CX - w + 1)} {_n(ry + 17)} "
             f"{_n(CX - w * 0.72)} {_n(ry + 22)} {_n(CX - w * 0.45)} {_n(ry + 24)}")
        cv.add("ribs", f'<path d="{d}"/>')
        cv.add("ribs", f'<path d="{d}" transform="matrix(-1 0 0 1 {W} 0)"/>')
    # clavicles: context only, not part of the survey
    cv.poly("neutral_back", [(144, 126), (122, 119), (98, 120), (80, 127), (80, 131),
                             (98, 125), (122, 124), (144, 130)])
    # pelvis: iliac wings, sacrum, pubic rami around the obturator foramina
    wing = [(144, 346), (128, 334), (108, 332), (96, 342), (98, 362), (110, 380), (122, 396),
            (138, 404), (147, 400), (146, 388), (132, 384), (124, 372), (136, 366), (146, 368)]
    cv.poly("pelvis", wing)
    cv.poly("pelvis", [(141, 344), (159, 344), (155, 382), (145, 382)], both=False)
    for x in (133, 167):
        cv.add("neutral_front", f'<ellipse cx="{x}" cy="388" rx="6" ry="7"/>')
    # arms: humerus, radius and ulna; legs: femur, tibia and fibula (mirrored by _Canvas)
    for x, y0, y1, shaft, end in ((76, 134, 232, 9, 17), (69, 240, 320, 5, 9),
                                  (81, 240, 318, 5, 9), (124, 398, 508, 12, 22),
                                  (126, 516, 610, 10, 19), (111, 518, 606, 4.5, 7)):
        _long_bone(cv, x, y0, y1, shaft, end)
    # hands: carpus and metacarpals as a palm, then four fingers and a thumb
    cv.rect("hands", 64, 326, 22, 22, r=4)
    for i in range(4):
        cv.rect("hands", 65 + i * 5.4, 350, 4.2, 20 - abs(i - 1.5) * 2.4, r=2)
    cv.poly("hands", [(64, 334), (58, 342), (60, 352), (65, 344)])
    # feet in front view: foreshortened, toes pointing out
    cv.poly("feet", [(114, 614), (138, 614), (144, 626), (142, 636), (108, 636), (106, 628)])
    cv.rect("feet", 103, 638, 40, 6, r=3)


_ORDER = ("neutral_back", "ribs", "spine", "pelvis", "skull_vault", "skull_base",
          "neutral_front", "long_bone_diaphysis", "long_bone_metaphysis",
          "long_bone_epiphysis", "hands", "feet")


def _status_of(regions: list[dict]) -> dict[str, dict]:
    """First entry per known region; unknown region names are left to the table."""
    out: dict[str, dict] = {}
    for r in regions:
        key = str(r.get("region", ""))
        if key in REGIONS and key not in out:
            out[key] = r
    return out


def _title(key: str, entry: dict | None) -> str:
    label = (entry or {}).get("label") or REGIONS[key]
    status = STATUS_LABELS.get(str((entry or {}).get("status")), "not reported")
    evidence = [str(e) for e in (entry or {}).get("evidence") or []]
    return f"{label}: {status}" + (". " + "; ".join(evidence) if evidence else "")


def _legend(y: float) -> list[str]:
    items = [("involved", "Involved"), ("spared", "Spared"),
             ("not_examined", "Not examined"), ("neutral", "Not surveyed")]
    out = [f'<g class="legend" transform="translate(12 {_n(y)})" font-size="12" '
           'font-family="DejaVu Sans, Arial, sans-serif" fill="#212529">']
    for i, (key, text) in enumerate(items):
        fill, stroke, dash = _STYLE.get(key, _NEUTRAL)
        x, yy = (i % 2) * 140, (i // 2) * 24
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<rect x="{x}" y="{yy}" width="18" height="14" rx="2" fill="{fill}" '
                   f'stroke="{stroke}" stroke-width="1.2"{dash_attr}/>')
        out.append(f'<text x="{x + 25}" y="{yy + 11.5}">{text}</text>')
    out.append("</g>")
    return out


def skeleton_svg(regions: list[dict]) -> str:
    """Inline SVG of the skeleton, regions coloured by status, with legend and tooltips.

    >>> svg = skeleton_svg([{"region": "spine", "status": "involved", "evidence": ["x"]}])
    >>> svg.startswith("<svg") and "Spine: involved. x" in svg
    True
    """
    status = _status_of(regions)
    cv = _Canvas()
    _draw(cv)
    groups = {k: [r for r in REGIONS if status.get(r, {}).get("status") == k]
              for k in STATUS_LABELS}
    summary = "; ".join(f"{STATUS_LABELS[k]}: " + ", ".join(REGIONS[r] for r in v)
                        for k, v in groups.items() if v) or "no region reported"
    label = escape(f"Skeletal survey, front view. {summary}.")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" '
           f'height="{H}" role="img" aria-label="{label}" class="skeleton" '
           'aria-labelledby="sk-title sk-desc">',
           '<title id="sk-title">Skeletal survey (front view)</title>',
           f'<desc id="sk-desc">{label}</desc>',
           '<defs><pattern id="sk-hatch" width="5" height="5" patternUnits="userSpaceOnUse" '
           'patternTransform="rotate(45)"><rect width="5" height="5" fill="#f1f3f5"/>'
           '<line x1="0" y1="0" x2="0" y2="5" stroke="#868e96" stroke-width="1.4"/>'
           '</pattern></defs>']
    for key in _ORDER:
        shapes = cv.shapes.get(key, [])
        if key.startswith("neutral"):
            fill, stroke, dash = _NEUTRAL
            out.append(f'<g class="neutral" fill="{fill}" stroke="{stroke}" stroke-width="1" '
                       'aria-hidden="true">' + "".join(shapes) + "</g>")
            continue
        entry = status.get(key)
        st = str((entry or {}).get("status"))
        fill, stroke, dash = _STYLE.get(st, _STYLE["not_examined"])
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        css = f"region region-{key} status-{st if st in _STYLE else 'unreported'}"
        head = f'<g class="{css}" data-region="{key}"><title>{escape(_title(key, entry))}</title>'
        if key == "ribs":  # strokes: a dark outline under a coloured core
            core = fill if not fill.startswith("url") else "#dee2e6"
            body = (f'<g fill="none" stroke="{stroke}" stroke-width="4.6" stroke-linecap="round"'
                    f'{dash_attr}>' + "".join(shapes) + "</g>"
                    f'<g fill="none" stroke="{core}" stroke-width="2.4" stroke-linecap="round">'
                    + "".join(shapes) + "</g>")
        else:
            body = (f'<g fill="{fill}" stroke="{stroke}" stroke-width="1.1"{dash_attr}>'
                    + "".join(shapes) + "</g>")
        out.append(head + body + "</g>")
    out += _legend(640)
    out.append("</svg>")
    return "\n".join(out)
