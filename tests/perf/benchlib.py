# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every benchmark of tests/perf shares: interleaved pairs, the
statistics printed, the machine's load.

An honest comparison (``/work/shared/PERF.md``): the baseline does the same
work without the addon's extra logic, A and B alternate as A B B A A B ...,
the warm-up round is not counted, at least 5–10 pairs, the median ratio and
its spread are printed with the machine's load; no timed assertion anywhere.
"""

import os
import statistics
import time


def load():
    """The machine's load averages and core count, as printed by every bench."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def order(pairs):
    """(first, second) of each pair: A B, B A, A B, ... (A B B A A B ...)."""
    for index in range(pairs):
        yield ("A", "B") if index % 2 == 0 else ("B", "A")


def spread(values):
    """Median, p10 and p90 (min and max below 10 values) of ``values``."""
    values = sorted(values)
    median = statistics.median(values)
    if len(values) >= 10:
        deciles = statistics.quantiles(values, n=10, method="inclusive")
        low, high, label = deciles[0], deciles[-1], "p10–p90"
    else:
        low, high, label = values[0], values[-1], "min–max"
    return median, low, high, label


def ratio_line(name, ratios):
    median, low, high, label = spread(ratios)
    return (
        f"{name}: median {median:.2f}x, {label} {low:.2f}–{high:.2f}x "
        f"over {len(ratios)} pairs"
    )


class Timer:
    """Wall time and SQL queries of a block on a cursor."""

    def __init__(self, cr=None):
        self.cr = cr
        self.seconds = 0.0
        self.queries = 0

    def __enter__(self):
        self._queries = self.cr.sql_log_count if self.cr else 0
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self._start
        if self.cr:
            self.queries = self.cr.sql_log_count - self._queries
        return False


def header(title, **sizes):
    details = ", ".join(
        f"{key.replace('_', ' ')} {value}" for key, value in sizes.items()
    )
    print(f"== {title} ({details}); {load()}", flush=True)
