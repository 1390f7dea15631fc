"""Argon2id parameters cheap enough for tests (real ones take about half a second per try).

One test per key path still runs the real, tuned parameters; everything else uses these.
"""

from companion.security import Argon2Params

FAST = Argon2Params(time_cost=1, memory_kib=8, parallelism=1)
