"""SS-1: the ministry's contribution to national labour productivity (Tabel 3.1 and the worked computation after Tabel 3.2).

The inputs are the PyB ("penduduk yang bekerja") components and the two wages. The worked
computation printed after Tabel 3.2 gives 4,01 %:

    P = ( (PyB_vokasi + PyB_penta) / ΔPyB × w_sakernas
          + (PyB_PHI + PyB_Binwas − PyB_PHI∩Binwas) / PyB_formal × w_UMP ) × 10 % / w_sakernas × 100 %

The formula of Tabel 3.1 as printed multiplies both terms by the same w̄ (the mean provincial
minimum wage, UMP) and divides by w (the Sakernas wage); with the printed variables that gives
3,93 %, not the 4,01 % the report states. Both are implemented; the worked one is the reference.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace

import pandas as pd

GOVERNMENT_SHARE = 0.10
"""OSF 70:20:10 model: at most 10 % of productivity growth is attributed to government guidance."""


@dataclass(frozen=True)
class PybInputs:
    """The SS-1 variables (list after Tabel 3.2): persons, and wages in Rupiah per month."""

    pyb_vokasi: float
    pyb_penta: float
    pyb_phi: float
    pyb_binwas: float
    pyb_irisan: float
    """PyB_PHI ∩ PyB_Binwas, the workers counted by both Ditjen (a positive number, subtracted)."""
    delta_pyb: float
    pyb_formal: float
    ump_rp: float
    sakernas_wage_rp: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


INPUT_NAMES: tuple[str, ...] = tuple(PybInputs.__dataclass_fields__)
DIVISORS = ("delta_pyb", "pyb_formal", "sakernas_wage_rp")
"""The variables the formula divides by: a year where one is 0 has no P."""


def job_creation_term(x: PybInputs) -> float:
    """Share of the year's new workers (ΔPyB) that the ministry placed: (PyB_vokasi + PyB_penta) / ΔPyB."""
    return (x.pyb_vokasi + x.pyb_penta) / x.delta_pyb


def protection_term(x: PybInputs) -> float:
    """Share of formal workers reached by PHI and Binwas guidance, net of the overlap: (PHI + Binwas − irisan) / PyB_formal."""
    return (x.pyb_phi + x.pyb_binwas - x.pyb_irisan) / x.pyb_formal


def productivity_contribution_pct(x: PybInputs, share: float = GOVERNMENT_SHARE) -> float:
    """P in percent as the worked computation after Tabel 3.2 computes it (4,01 % for 2024)."""
    weighted = job_creation_term(x) * x.sakernas_wage_rp + protection_term(x) * x.ump_rp
    return weighted * share / x.sakernas_wage_rp * 100


def productivity_contribution_literal_pct(x: PybInputs, share: float = GOVERNMENT_SHARE) -> float:
    """P in percent by the Tabel 3.1 formula as printed: both terms × w̄ (UMP), divided by w (Sakernas)."""
    weighted = (job_creation_term(x) + protection_term(x)) * x.ump_rp
    return weighted * share / x.sakernas_wage_rp * 100


def component_contributions_pct(x: PybInputs, share: float = GOVERNMENT_SHARE) -> dict[str, float]:
    """Each PyB component's part of P in percentage points (they add up to P; the overlap is negative)."""
    job = share / x.delta_pyb * 100
    prot = share * x.ump_rp / (x.pyb_formal * x.sakernas_wage_rp) * 100
    return {
        "pyb_vokasi": x.pyb_vokasi * job,
        "pyb_penta": x.pyb_penta * job,
        "pyb_phi": x.pyb_phi * prot,
        "pyb_binwas": x.pyb_binwas * prot,
        "pyb_irisan": -x.pyb_irisan * prot,
    }


def component_shares_pct(x: PybInputs) -> dict[str, float]:
    """Each component's share of P in percent of P."""
    parts = component_contributions_pct(x)
    total = sum(parts.values())
    return {k: v / total * 100 for k, v in parts.items()}


def sensitivity(
    x: PybInputs, formula: Callable[[PybInputs], float] = productivity_contribution_pct
) -> dict[str, float]:
    """dP/d(input) for every input, in percentage points per unit of that input (central difference)."""
    out = {}
    for name in INPUT_NAMES:
        v = getattr(x, name)
        h = abs(v) * 1e-6 or 1e-6
        up = formula(replace(x, **{name: v + h}))
        down = formula(replace(x, **{name: v - h}))
        out[name] = (up - down) / (2 * h)
    return out


class GoalUnreachable(ValueError):
    """No positive value of the input gives the target P."""


def goal_seek(
    x: PybInputs,
    input_name: str,
    target_pct: float,
    formula: Callable[[PybInputs], float] = productivity_contribution_pct,
) -> float:
    """The value ``input_name`` must take, others unchanged, for P to equal ``target_pct``.

    P is monotonic in every input (linear in the PyB counts and the UMP, inverse in ΔPyB,
    PyB_formal and the Sakernas wage), so a bracketing search always converges when a
    positive solution exists.
    """
    if input_name not in INPUT_NAMES:
        raise KeyError(f"unknown input {input_name!r}; one of {', '.join(INPUT_NAMES)}")

    def f(v: float) -> float:
        return formula(replace(x, **{input_name: v})) - target_pct

    lo, hi = 1e-9, max(getattr(x, input_name), 1.0)
    while f(lo) * f(hi) > 0:
        hi *= 2
        if hi > 1e18:
            raise GoalUnreachable(f"{input_name} cannot bring P to {target_pct} %")
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(lo) * f(mid) <= 0:
            hi = mid
        else:
            lo = mid
        if hi - lo <= 1e-9 * max(1.0, hi):
            break
    return (lo + hi) / 2


VARIABLE_FIELDS = {"ump_avg_rp": "ump_rp"}
"""``pyb_variable.variable`` ids whose :class:`PybInputs` field has another name."""


def inputs_from_variables(variables: pd.DataFrame, konteks: str = "perhitungan") -> PybInputs:
    """The SS-1 inputs of one year from the ``pyb_variable`` rows (variable, konteks, nilai).

    ``konteks="variabel"`` takes the variable list printed after Tabel 3.2; ``"perhitungan"``
    takes the worked computation's values where it prints them (PyB penta 709.432 instead of
    709.436) and the variable list for the rest (ΔPyB and PyB formal are only in the list).
    The worked computation is the one that gives the printed 4,01 %.
    """
    missing = [c for c in ("variable", "konteks", "nilai") if c not in variables.columns]
    if missing:
        raise KeyError(f"inputs_from_variables needs columns {missing}")
    values = dict(
        zip(
            variables.loc[variables["konteks"] == "variabel", "variable"],
            variables.loc[variables["konteks"] == "variabel", "nilai"],
            strict=True,
        )
    )
    if konteks != "variabel":
        chosen = variables[variables["konteks"] == konteks]
        values.update(zip(chosen["variable"], chosen["nilai"], strict=True))
    values = {VARIABLE_FIELDS.get(k, k): v for k, v in values.items()}
    absent = [n for n in INPUT_NAMES if n not in values or values[n] is None or values[n] != values[n]]
    if absent:
        raise KeyError(f"pyb_variable lacks {absent}")
    zero = [n for n in DIVISORS if float(values[n]) == 0]
    if zero:  # the formula divides by them: no P can be computed (as when a variable is missing)
        raise KeyError(f"pyb_variable has 0 for {zero}, which the formula divides by")
    return PybInputs(**{n: float(values[n]) for n in INPUT_NAMES})
