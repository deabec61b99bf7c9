import os

from hypothesis import HealthCheck, settings

# CI: fixed seed so a failure reproduces; no deadline because shared machines are noisy.
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
