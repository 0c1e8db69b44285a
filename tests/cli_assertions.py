"""The one assertion every command-line error test makes."""


def assert_cli_error(result, *fragments: str) -> None:
    """Exit code 2, exactly one ``fout:`` (``error:`` in English) line on stderr naming
    ``fragments``, no traceback."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(("fout: ", "error: "))
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]
