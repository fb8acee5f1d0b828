"""``python -m metricproofs``: the same as the ``metricproofs`` console script."""

from metricproofs.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    main()
