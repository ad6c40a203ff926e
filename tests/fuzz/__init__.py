"""The fuzzing harness: hostile and mutated maps through the whole pipeline, in-process.

- :mod:`tests.fuzz.pipeline`: the stages every input goes through (one line per stage);
- :mod:`tests.fuzz.strategies`: the inputs (mutations of every map in the repository, and a
  generator of valid but weird maps);
- :mod:`tests.fuzz.limits`: the per-input time limit that turns a hang into a failure;
- ``python -m tests.fuzz --examples N``: a campaign of any size (``tests/test_fuzz.py`` runs
  a short one in the test suite).
"""
