"""``python -m summitry``: the same as the ``summitry`` command."""

from summitry.cli import main

main()
