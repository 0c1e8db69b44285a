"""What the ``simulatie workshop`` command tells the server: environment variables, read once.

The command starts the Solara server in a subprocess and passes the session's settings (scenario,
seed, tables, rounds, weeks per round, PIN, language, the facilitator's key and the address to
join) as environment variables named ``SIMULATIE_WORKSHOP_*``; :meth:`PlaySettings.from_environment`
reads them back in the server. The names are the contract between the two sides (the command
does not import the dashboard); ``tests/test_play_screens.py`` checks that what the command sets
is what the server reads. Started with ``solara run`` directly, every setting has a default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ENVIRONMENT", "PlaySettings"]

ENVIRONMENT: dict[str, str] = {
    "scenario": "SIMULATIE_WORKSHOP_SCENARIO",
    "seed": "SIMULATIE_WORKSHOP_SEED",
    "tables": "SIMULATIE_WORKSHOP_TABLES",
    "rounds": "SIMULATIE_WORKSHOP_ROUNDS",
    "weeks_per_round": "SIMULATIE_WORKSHOP_WEEKS_PER_ROUND",
    "pin": "SIMULATIE_WORKSHOP_PIN",
    "lang": "SIMULATIE_WORKSHOP_LANG",
    "key": "SIMULATIE_WORKSHOP_KEY",
    "join_url": "SIMULATIE_WORKSHOP_JOIN_URL",
    "away_seconds": "SIMULATIE_WORKSHOP_AWAY_SECONDS",
    "export_dir": "SIMULATIE_WORKSHOP_EXPORT_DIR",
    "compare": "SIMULATIE_WORKSHOP_COMPARE",
}
"""Each setting's environment variable."""


@dataclass(frozen=True)
class PlaySettings:
    """The session's settings as the server reads them.

    Attributes:
        scenario: The scenario every table plays (name or path of a ``.toml`` file).
        seed: The neighbourhood's seed.
        tables: Number of tables.
        rounds: Rounds in the game.
        weeks_per_round: Weeks one round covers.
        pin: The PIN participants type (``None``: the session draws four digits).
        lang: Language the screens start in.
        key: The facilitator's key: the facilitator's screen shows only with ``?key=KEY`` in its
            address (``None``: no key asked, as when started with ``solara run`` on this
            computer).
        join_url: The address participants open (shown and as a QR code).
        away_seconds: How long a participant's page may stay silent (no heartbeat, or no
            connection) before the model plays their role.
        export_dir: Where the debrief's summary is written.
        compare: A scenario whose levers the debrief also compares the tables with (``None``:
            only the model's own run; the facilitator can choose one on the screen).
    """

    scenario: str = "default"
    seed: int = 0
    tables: int = 1
    rounds: int = 4
    weeks_per_round: int = 13
    pin: str | None = None
    lang: str = "nl"
    key: str | None = None
    join_url: str = "http://127.0.0.1:8765/join"
    away_seconds: float = 15.0
    export_dir: Path = Path("results") / "workshop"
    compare: str | None = None

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> PlaySettings:
        """Read the settings from ``SIMULATIE_WORKSHOP_*`` variables (defaults for the rest).

        Args:
            environ: The variables (default: this process's environment).

        Returns:
            The settings.

        Raises:
            ValueError: If a number is not a number.
        """
        env = os.environ if environ is None else environ
        found = {name: env[var] for name, var in ENVIRONMENT.items() if env.get(var, "") != ""}
        numbers = {"seed": int, "tables": int, "rounds": int, "weeks_per_round": int,
                   "away_seconds": float}
        values: dict[str, object] = {}
        for name, text in found.items():
            if name in numbers:
                try:
                    values[name] = numbers[name](text)
                except ValueError:
                    raise ValueError(f"{ENVIRONMENT[name]} must be a number, got {text!r}") \
                        from None
            elif name == "export_dir":
                values[name] = Path(text)
            else:
                values[name] = text
        return cls(**values)  # type: ignore[arg-type]
