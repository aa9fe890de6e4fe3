"""An age in years written as an ISO 8601 duration, as phenopackets carry it."""

from __future__ import annotations

__all__ = ["iso8601"]


def iso8601(years: float) -> str:
    """An age in years as an ISO 8601 duration, to the day.

    >>> iso8601(16), iso8601(2.5), iso8601(0.25), iso8601(10 / 365.25), iso8601(0)
    ('P16Y', 'P2Y6M', 'P3M', 'P10D', 'P0D')
    """
    days_total = round(years * 365.25)
    y = int(years + 1e-9)
    months = round((years - y) * 12, 6)
    if abs(months - round(months)) < 1e-3:
        m = int(round(months))
        y, m = (y + 1, 0) if m == 12 else (y, m)
        out = "P" + (f"{y}Y" if y else "") + (f"{m}M" if m else "")
        return out if out != "P" else "P0D"
    if days_total % 7 == 0 and years < 1:
        return f"P{days_total // 7}W"
    return f"P{days_total}D" if years < 1 else f"P{y}Y{round((years - y) * 365.25)}D"
