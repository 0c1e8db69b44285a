import pytest
from pydantic import ValidationError

from simulatie.core.parameters import (
    ParameterError,
    Parameters,
    Role,
    make_parameters,
    parameter_specs,
    parse_override,
)
from simulatie.core.parameters.declare import param


def test_defaults_come_from_the_declarations():
    params = Parameters()
    for name, spec in parameter_specs().items():
        value = getattr(params, name)
        assert (value.value if hasattr(value, "value") else value) == spec.default


def test_every_parameter_is_fully_declared():
    for name, spec in parameter_specs().items():
        assert spec.en and spec.nl and spec.unit and spec.group, name
        if spec.kind in (int, float):
            assert spec.lower is not None and spec.upper is not None, name
            assert spec.lower <= spec.default <= spec.upper, name


def test_parameters_are_frozen():
    params = Parameters()
    with pytest.raises(ValidationError):
        params.takeover = 0.9


def test_unknown_key_names_the_key_and_suggests():
    with pytest.raises(ParameterError) as info:
        make_parameters({"takover": 0.5}, source="mijn.toml")
    message = str(info.value)
    assert "mijn.toml" in message and "'takover'" in message
    assert "did you mean 'takeover'" in message


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("takeover", 1.5, "from 0 to 1"),
        ("residents", 5, "whole number from 20 to 50000"),
        ("funding", "sometimes", "'structural', 'pilot'"),
        ("digital_platform", "ja", "true or false"),
    ],
)
def test_bad_values_say_what_is_allowed(key, value, expected):
    with pytest.raises(ParameterError) as info:
        make_parameters({key: value})
    assert key in str(info.value) and expected in str(info.value)


def test_group_shares_must_fit():
    with pytest.raises(ParameterError, match="at most 1"):
        make_parameters({"share_older": 0.7, "share_family": 0.5})


def test_ints_are_accepted_for_floats_and_enums_by_name():
    params = make_parameters({"takeover": 1, "funding": "pilot"})
    assert params.takeover == 1.0 and params.funding.value == "pilot"


def test_parse_override_converts_to_the_declared_type():
    assert parse_override("takeover=0.8") == ("takeover", 0.8)
    assert parse_override("residents=120") == ("residents", 120)
    assert parse_override("digital_platform=yes") == ("digital_platform", True)
    with pytest.raises(ParameterError, match="name=value"):
        parse_override("takeover")
    with pytest.raises(ParameterError, match="whole number"):
        parse_override("residents=lots")


def test_a_huge_integer_is_a_clear_error():
    with pytest.raises(ParameterError, match=r"'takeover' is not allowed.*from 0 to 1"):
        make_parameters({"takeover": 10**400})


def test_every_named_choice_has_a_dutch_and_an_english_label() -> None:
    from simulatie.core.parameters import CHOICE_LABELS, choice_label, parameter_specs

    for spec in parameter_specs().values():
        for value in spec.choices:
            assert set(CHOICE_LABELS[value]) == {"nl", "en"}, (spec.name, value)
            assert choice_label(value, "nl") != value, (spec.name, value)
    assert choice_label("participative", "nl") == "participatief"
    assert choice_label("not a choice", "nl") == "not a choice"


def test_every_parameter_has_short_labels_and_a_unit_in_words() -> None:
    from simulatie.core.parameters import UNIT_LABELS

    dutch = {}
    for name, spec in parameter_specs().items():
        for lang in ("nl", "en"):
            label = spec.short(lang)
            assert label != name and label == label.strip() and label[0].isupper(), (name, lang)
            assert 1 <= len(label.split()) <= 4, (name, lang, label)
        dutch.setdefault(spec.short_nl, name)
        assert dutch[spec.short_nl] == name, f"{name} and {dutch[spec.short_nl]} share a label"
        assert set(UNIT_LABELS[spec.unit]) == {"nl", "en"}, name
    assert parameter_specs()["professionals"].short("nl") == "Welzijnswerkers"
    assert parameter_specs()["professional_hours"].unit_label("nl") == "uur per week"


@pytest.mark.parametrize(
    ("change", "message"),
    [({"role": Role.LEVER}, "only a context assumption"),
     ({"plausible": (0.5, 0.2)}, "from low to high"),
     ({"plausible": (0.5, 2.0)}, "leaves the bounds"),
     ({"plausible_source": ""}, "names its evidence"),
     ({"plausible": (0.0, 0.4), "plausible_log": True}, "log scale starts above 0")],
)
def test_a_plausible_range_is_a_sourced_range_of_a_context_assumption(change, message) -> None:
    declaration = {"unit": "share", "short_nl": "x", "short_en": "x", "en": "x", "nl": "x",
                   "group": "ties", "role": Role.CONTEXT, "ge": 0, "le": 1,
                   "plausible": (0.1, 0.4), "plausible_source": "a survey", **change}
    with pytest.raises(ValueError, match=message):
        param(0.2, **declaration)


def test_every_declared_plausible_range_is_read_into_the_specs() -> None:
    for spec in parameter_specs().values():
        if spec.plausible is None:
            continue
        low, high = spec.plausible
        assert spec.role is Role.CONTEXT and spec.plausible_source
        assert spec.lower <= low < high <= spec.upper
