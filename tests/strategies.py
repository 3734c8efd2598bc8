"""Hypothesis strategies for disclosures: valid ones across the whole contract, and arbitrary JSON."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from ispcheck.disclosure import VOCABULARY

ORGANISATIONS = (
    "Warwickshire Police",
    "Rugby Borough Council",
    "Warwickshire County Council",
    "Probation Service",
    "Refuge",
    "Bromford Housing",
    "Equality and Inclusion Partnership (EQUIP)",
    "Acme Private Investigations",
    "A Neighbouring Force",
)

maybe_bool = st.sampled_from((True, False, None))
maybe_text = st.sampled_from((None, "because the victim is at risk of further harm"))


def vocab(name: str, *, optional: bool = False) -> st.SearchStrategy[Any]:
    values: tuple[Any, ...] = VOCABULARY[name]
    return st.sampled_from((None, *values) if optional else values)


def disclosures() -> st.SearchStrategy[dict[str, Any]]:
    """Any disclosure the contract accepts, as a JSON-shaped dict."""
    return st.fixed_dictionaries(
        {
            "discloser": st.fixed_dictionaries(
                {
                    "organisation": st.sampled_from(ORGANISATIONS),
                    "kind": vocab("organisation_kind", optional=True),
                }
            ),
            "recipient": st.fixed_dictionaries(
                {
                    "organisation": st.sampled_from(ORGANISATIONS),
                    "has_secure_email": maybe_bool,
                    "kind": vocab("organisation_kind", optional=True),
                    "is_data_subject": maybe_bool,
                    "other_recipients": st.sampled_from(
                        (None, [], ["Refuge"], ["Acme Private Investigations", "Rugby Borough Council"])
                    ),
                }
            ),
            "subjects": st.lists(
                st.fixed_dictionaries(
                    {"role": vocab("role"), "is_child": maybe_bool, "deceased": maybe_bool}
                ),
                max_size=3,
            ),
            "data": st.fixed_dictionaries(
                {
                    "categories": st.lists(vocab("category"), min_size=1, max_size=3, unique=True),
                    "special_category_types": st.lists(
                        vocab("special_category_type"), max_size=2, unique=True
                    ),
                    "originator": st.sampled_from((None, *ORGANISATIONS[:3], "a GP surgery")),
                    "smallest_count": st.sampled_from((None, 0, 2, 5, 40)),
                }
            ),
            "purpose": st.fixed_dictionaries({"code": vocab("purpose"), "statement": maybe_text}),
            "lawful_basis": st.fixed_dictionaries(
                {
                    "article6": vocab("article6", optional=True),
                    "article9": vocab("article9", optional=True),
                    "schedule1_condition": vocab("schedule1_condition", optional=True),
                    "gateway": vocab("gateway", optional=True),
                    "exemption": vocab("exemption", optional=True),
                    "regime": vocab("regime", optional=True),
                    "schedule8_condition": vocab("schedule8_condition", optional=True),
                    "strictly_necessary": maybe_bool,
                    "policy_document": maybe_bool,
                }
            ),
            "consent": st.fixed_dictionaries(
                {
                    "status": vocab("consent_status", optional=True),
                    "reason_not_sought": maybe_text,
                    "recorded": maybe_bool,
                    "restrictions": st.sampled_from((None, "not to be shared with the landlord")),
                    "within_restrictions": maybe_bool,
                }
            ),
            "necessity": st.fixed_dictionaries(
                {
                    "statement": maybe_text,
                    "makes_a_difference": maybe_bool,
                    "less_data_considered": maybe_bool,
                    "alternatives_considered": maybe_bool,
                    "impact_considered": maybe_bool,
                    "article8_considered": maybe_bool,
                    "sensitive_data_necessary": maybe_bool,
                }
            ),
            "accuracy": st.fixed_dictionaries(
                {"identity_verified": maybe_bool, "fact_and_opinion_distinguished": maybe_bool}
            ),
            "handling": st.fixed_dictionaries(
                {
                    "classification": vocab("classification"),
                    "channel": vocab("channel"),
                    "distribution": vocab("distribution", optional=True),
                }
            ),
            "context": st.fixed_dictionaries(
                {
                    "setting": vocab("setting"),
                    "urgent_risk_to_life": maybe_bool,
                    "ongoing_investigation": maybe_bool,
                    "investigating_officer_consulted": maybe_bool,
                    "secondary_disclosure": maybe_bool,
                    "originator_agreed": maybe_bool,
                    "evidential_use": maybe_bool,
                    "evidence_used_by": vocab("evidence_user", optional=True),
                    "formal_request_form": st.sampled_from((True, False, None, "not_applicable")),
                    "profiling_children": maybe_bool,
                    "profiling": maybe_bool,
                    "transfer_outside_uk": maybe_bool,
                    "from_meeting": st.sampled_from((None, *VOCABULARY["setting"][1:])),
                    "dpia_in_place": maybe_bool,
                    "chair_agreed": maybe_bool,
                    "meeting_name": st.sampled_from((None, "", "modern slavery referral panel")),
                }
            ),
        }
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=12,
)


@st.composite
def damaged_disclosures(draw: st.DrawFn) -> dict[str, Any]:
    """A valid disclosure with one field replaced by arbitrary JSON, or removed, or added."""
    data = draw(disclosures())
    group = draw(st.sampled_from(sorted(data)))
    if isinstance(data[group], dict) and data[group] and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(data[group])))
        action = draw(st.sampled_from(("replace", "remove", "add")))
        if action == "replace":
            data[group][key] = draw(json_values)
        elif action == "remove":
            del data[group][key]
        else:
            data[group][draw(st.text(min_size=1, max_size=8))] = draw(json_values)
    else:
        data[group] = draw(json_values)
    return data


@st.composite
def near_clean_disclosures(draw: st.DrawFn) -> dict[str, Any]:
    """The clean disclosure (outcome ``share``) with a few facts changed.

    Fully random disclosures are nearly all ``do_not_share``, where a loosening could hide; cases
    near the clean one keep every outcome in play, so the invariants really bite.
    """
    from .conftest import clean_disclosure

    data = clean_disclosure()
    full = draw(disclosures())
    fields = [(group, key) for group, value in full.items() if isinstance(value, dict) for key in value]
    fields += [("subjects", "")]
    for group, key in draw(st.lists(st.sampled_from(fields), max_size=4, unique=True)):
        if group == "subjects":
            data["subjects"] = full["subjects"]
        else:
            data[group][key] = full[group][key]
    return data


def any_disclosures() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(near_clean_disclosures(), disclosures())
