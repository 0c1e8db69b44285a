# ruff: noqa: N802  (Solara components are named like classes)
"""The widgets of the settings: one per parameter, grouped as the declarations group them.

:mod:`simulatie.dashboard.controls` derives every control from its parameter declaration without
Solara; this module turns the controls into Solara widgets: a slider, a number, a list or a
checkbox with its label and current value (:func:`ControlWidget`), folded into groups under
their role, each group once (:func:`ParameterControls`, :func:`grouped_by_role`), and the
scenario list (:func:`ScenarioPicker`). The run
view, the compare view and the myths view use the same widget, so a setting looks the same
everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import solara

from simulatie.core.parameters import ROLE_LABELS, Role, choice_label

from . import controls as ctl
from .translations import PARAMETER_GROUPS, t

__all__ = ["ROLE_ORDER", "ControlGroup", "ControlWidget", "ParameterControls", "ScenarioPicker",
           "format_value", "grouped_by_role"]


def format_value(value: Any, control: ctl.Control, lang: str) -> str:
    """A setting's value as shown beside its label: a choice's name, yes/no, or a short number.

    Args:
        value: The control's current value.
        control: The control it belongs to.
        lang: Language of choice names and yes/no.

    Returns:
        The value in words.
    """
    if control.widget is ctl.Widget.SELECT:
        return choice_label(str(value), lang)
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@solara.component
def ControlWidget(
    control: ctl.Control,
    value: Any,
    on_value: Callable[[Any], None],
    lang: str,
    changed: bool = False,
    label: str | None = None,
):
    """One parameter's widget, generated from its declaration."""
    text = label if label is not None else control.label(lang)
    classes = ["sim-control", f"param-{control.name}"] + (["sim-changed"] if changed else [])

    def set_value(new: Any) -> None:
        if new is None:
            return
        on_value(control.coerce(new))

    with solara.Column(gap="0px", classes=classes):
        with solara.Row(justify="space-between", style={"align-items": "baseline"}):
            solara.Text(text, classes=["sim-label"])
            if control.widget is not ctl.Widget.CHECKBOX:
                solara.Text(format_value(value, control, lang), classes=["sim-value"])
        if control.widget in (ctl.Widget.SLIDER_FLOAT, ctl.Widget.SLIDER_INT):
            solara.v.Slider(
                v_model=value, on_v_model=set_value, min=control.lower, max=control.upper,
                step=control.step, thumb_label=False, hide_details=True, dense=True,
                class_=f"param-{control.name}",
            )
        elif control.widget is ctl.Widget.NUMBER_INT:
            solara.InputInt("", value=int(value), on_value=set_value, dense=True)
        elif control.widget is ctl.Widget.SELECT:
            solara.v.Select(
                v_model=value, on_v_model=set_value, dense=True,
                items=[{"text": choice_label(c, lang), "value": c} for c in control.choices],
                hide_details=True, class_=f"param-{control.name}",
            )
        else:
            solara.Checkbox(label="", value=bool(value), on_value=set_value)


ROLE_ORDER: tuple[Role, ...] = (Role.LEVER, Role.STRUCTURE, Role.CONTEXT, Role.CONVENTION)
"""The order of the settings: policy levers first, then the neighbourhood, the assumptions about
its context and the measurement conventions."""


def grouped_by_role() -> dict[Role, dict[str, list[ctl.Control]]]:
    """Every group of controls once, under the first role its members have (in ROLE_ORDER).

    A group whose members play several roles (a few levers among many assumptions) appears
    once, under its first role, with all its members in the order of their roles; its name is
    never shown twice in the sidebar.

    Returns:
        Role to group name to the group's controls, roles and groups in their order.
    """
    rank = {role: index for index, role in enumerate(ROLE_ORDER)}
    placed: dict[Role, dict[str, list[ctl.Control]]] = {role: {} for role in ROLE_ORDER}
    for group, members in ctl.controls_by_group().items():
        ordered = sorted(members, key=lambda c: rank[c.spec.role])
        placed[ordered[0].spec.role][group] = ordered
    return {role: groups for role, groups in placed.items() if groups}


@solara.component
def ParameterControls(
    values: Mapping[str, Any],
    base: Mapping[str, Any],
    on_value: Callable[[str, Any], None],
    lang: str,
):
    """Every parameter, by role and then under its group heading, from the declarations.

    Policy levers come first; the assumptions about the context, the neighbourhood's structure
    and the measurement conventions follow under their own headings. Each group appears once
    (:func:`grouped_by_role`); inside a group that mixes roles, each role has a small heading.
    """
    solara.Text(t("settings_hint", lang), classes=["sim-hint"])
    for role, groups in grouped_by_role().items():
        solara.Text(t(f"section_{role.value}", lang), classes=["sim-role"])
        for group, members in groups.items():
            title = PARAMETER_GROUPS.get(group, {}).get(lang, group)
            changed = sum(values[c.name] != base.get(c.name) for c in members)
            if changed:
                title = f"{title} ({changed} {t('changed_from_scenario', lang)})"
            ControlGroup(title, members, values, base, on_value, lang)


@solara.component
def ControlGroup(
    title: str,
    members: list[ctl.Control],
    values: Mapping[str, Any],
    base: Mapping[str, Any],
    on_value: Callable[[str, Any], None],
    lang: str,
):
    """One group of controls that folds open; its controls exist only while it is open.

    A closed group has no widgets, so a step of the run (which makes Solara compare the whole
    page) does not walk over some four hundred hidden slider widgets. A group whose members
    play more than one role shows each role's name above its members.
    """
    expanded = solara.use_reactive(False)
    mixed = len({c.spec.role for c in members}) > 1
    with solara.v.ExpansionPanels(
        v_model=0 if expanded.value else None,
        on_v_model=lambda model: expanded.set(model == 0),
        class_="sim-group",
    ), solara.v.ExpansionPanel():
        solara.v.ExpansionPanelHeader(children=[title])
        with solara.v.ExpansionPanelContent():
            if expanded.value:
                role = None
                for c in members:
                    if mixed and c.spec.role is not role:
                        role = c.spec.role
                        solara.Text(ROLE_LABELS[role][lang].capitalize(),
                                    classes=["sim-group-role"])
                    ControlWidget(
                        control=c, value=values[c.name], lang=lang,
                        on_value=lambda v, name=c.name: on_value(name, v),
                        changed=values[c.name] != base.get(c.name),
                    )


@solara.component
def ScenarioPicker(value: str, on_value: Callable[[str], None], lang: str):
    """Pick a scenario file (or a variant); picking it sets every control to its values."""
    items = [{"text": c.label(lang), "value": c.name} for c in ctl.scenario_choices()]
    solara.v.Select(
        label=t("scenario", lang), v_model=value, items=items, on_v_model=on_value,
        class_="sim-scenario", hide_details=True,
    )
