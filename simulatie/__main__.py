"""Allow ``python -m simulatie``, the same as the ``simulatie`` command."""

from simulatie.cli.main import main

if __name__ == "__main__":
    main()
