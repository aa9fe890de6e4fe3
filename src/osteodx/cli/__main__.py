"""``python -m osteodx.cli``."""

from osteodx.cli.application import main

main()
