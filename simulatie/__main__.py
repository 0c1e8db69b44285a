"""Allow ``python -m simulatie``, the same as the ``simulatie`` command."""

from simulatie.cli import main

if __name__ == "__main__":
    main()
