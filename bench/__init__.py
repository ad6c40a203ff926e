"""The argmap benchmark: generated maps (:mod:`bench.generate`) timed by :mod:`bench.run`."""
