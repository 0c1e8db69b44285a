"""A chosen alternative policy for the debrief: another scenario's levers, in this neighbourhood.

Besides the neighbourhood with every role left to the model, the debrief can compare the tables
with a policy the facilitator chooses: the levers of another scenario (``theehuis``, ``kerkweg``,
a file of one's own), applied to the same neighbourhood and seed for as many weeks. Only the
levers are taken; the neighbourhood's context, structure and conventions stay the session's, so
the comparison is the same street under another policy, not another street.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from simulatie.core.parameters import Parameters, Role, make_parameters, parameter_specs
from simulatie.experiment.scenarios import load_scenario

__all__ = ["Alternative", "alternative_policy"]


@dataclass(frozen=True)
class Alternative:
    """Another policy for the same neighbourhood.

    Attributes:
        name: The scenario it was taken from.
        titles: The scenario's one-line titles by language, if it has them.
        levers: The lever values that differ from the session's.
    """

    name: str
    titles: dict[str, str]
    levers: dict[str, Any]

    def parameters(self, base: Parameters) -> Parameters:
        """The session's parameters with this policy's levers."""
        return make_parameters({**base.model_dump(mode="python"), **self.levers})

    def label(self, lang: str) -> str:
        """How the debrief names it: the scenario's title, or its name."""
        title = self.titles.get(lang) or self.titles.get("nl") or ""
        return f"{self.name} ({title})" if title else self.name


def alternative_policy(base: Parameters, scenario: str) -> Alternative:
    """Take another scenario's levers as the debrief's alternative policy.

    Args:
        base: The session's parameters.
        scenario: The scenario's name or path.

    Returns:
        The alternative.

    Raises:
        ScenarioError: For an unknown or broken scenario.
        ValueError: If the scenario sets every lever as the session does (the comparison would
            be the model's own run).
    """
    loaded = load_scenario(scenario)
    levers = {name: getattr(loaded.parameters, name)
              for name, spec in parameter_specs().items()
              if spec.role is Role.LEVER
              and getattr(loaded.parameters, name) != getattr(base, name)}
    if not levers:
        raise ValueError(f"scenario {loaded.name!r} sets every lever as this session does; "
                         "comparing with it would show the model's own run")
    return Alternative(loaded.name, dict(loaded.titles), levers)
