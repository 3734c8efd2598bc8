"""Kinds of organisation: what each ``organisation_kind`` code means, and what follows from it.

The codes themselves are the contract's (:data:`ispcheck.vocabulary.OrganisationKind`, the
``kind`` of ``discloser`` and ``recipient``); the partner register uses the same codes. Two things
follow from a kind:

- whether the organisation is a **relevant authority** under section 115(2) of the Crime and
  Disorder Act 1998, to which section 115(1) lets any person disclose information. The Act, not
  this protocol's register, says who is one: a council or a police force that has not signed the
  protocol is still one, and an NHS trust that has signed it is not. What ispcheck reads the Act to
  say, kind by kind, and how sure it is of the current wording, is set out in
  ``docs/s115-relevant-authorities.md`` and the pack interpretation ``s115-relevant-authority-by-kind``;
- whether the organisation is **certainly a public authority**, which cannot rely on legitimate
  interests for its tasks (UK GDPR Article 6(1), final paragraph). Some kinds (schools, prisons,
  health providers, housing providers) hold both public and private bodies: for them the kind
  alone does not settle it.

An organisation whose kind is not known is not known to be either (fail closed).
"""

from __future__ import annotations

from dataclasses import dataclass

from .vocabulary import OrganisationKind

__all__ = [
    "COMPETENT_AUTHORITY_KINDS",
    "KINDS",
    "POLICE_KINDS",
    "PUBLIC_AUTHORITY_KINDS",
    "RELEVANT_AUTHORITY",
    "KindInfo",
]


@dataclass(frozen=True, slots=True)
class KindInfo:
    """One kind of organisation: its words, and what the law makes of it."""

    code: OrganisationKind
    #: Short plain words (the checklist's choice, the paperwork's entry).
    label: str
    #: What it covers, with examples.
    explain: str
    #: A relevant authority under s.115(2) of the Crime and Disorder Act 1998.
    relevant_authority: bool
    #: The paragraph of s.115(2) that makes it one, or why it is not one.
    s115: str
    #: Every organisation of this kind is a public authority (False: not every one is).
    public_authority: bool
    #: A few words to go with the label in the checklist, which must fit a narrow terminal.
    hint: str = ""


_KINDS = (
    KindInfo(
        "police",
        "Police force",
        "a police force for a police area in England and Wales (such as West Mercia Police), or "
        "Police Scotland",
        True,
        "s.115(2)(a) (the chief officer of police for a police area in England and Wales) and (b) (Scotland)",
        True,
        hint="e.g. West Mercia Police, or Police Scotland",
    ),
    KindInfo(
        "other_police",
        "Other police or law enforcement body",
        "British Transport Police, Ministry of Defence Police, the Police Service of Northern "
        "Ireland, the National Crime Agency",
        False,
        "not a police force for a police area in England and Wales, nor Scotland's: s.115(2)(a) "
        "and (b) do not list it",
        True,
        hint="e.g. British Transport Police",
    ),
    KindInfo(
        "local_policing_body",
        "Police and crime commissioner",
        "a police and crime commissioner or the Mayor's Office for Policing and Crime (what were "
        "police authorities)",
        True,
        "s.115(2)(c) (police authority as enacted; the local policing body today)",
        True,
        hint="or MOPAC in London",
    ),
    KindInfo(
        "local_authority",
        "Council",
        "a county, district, borough, city or unitary council, a London borough council, the "
        "City of London, a Welsh county or county borough council, or a Scottish council; not a "
        "parish or town council",
        True,
        "s.115(2)(d) (a local authority: county, district, London borough council, the Common "
        "Council of the City of London; in Wales county and county borough councils; Scottish "
        "councils)",
        True,
        hint="county, district, borough, city or unitary; not parish",
    ),
    KindInfo(
        "parish_council",
        "Parish, town or community council",
        "a parish, town or community council",
        False,
        "not one of the councils s.115(2)(d) lists",
        True,
    ),
    KindInfo(
        "fire_and_rescue",
        "Fire and rescue authority (not part of a council)",
        "a combined fire authority, or a commissioner acting as the fire and rescue authority "
        "(a county fire and rescue service run by the county council is part of a council, so is a council)",
        False,
        "not in s.115(2) as enacted; ispcheck could not confirm that an amendment added fire and "
        "rescue authorities, so it does not count them (fail closed)",
        True,
    ),
    KindInfo(
        "probation",
        "Probation service",
        "the Probation Service, or another provider of probation services",
        True,
        "s.115(2)(e) (a probation committee as enacted; the provider of probation services today)",
        True,
    ),
    KindInfo(
        "prison",
        "Prison or young offender institution",
        "a prison, young offender institution or secure training centre",
        False,
        "s.115(2) does not list prisons",
        False,
    ),
    KindInfo(
        "health_commissioner",
        "Integrated care board or Local Health Board",
        "an NHS integrated care board in England (such as NHS Birmingham and Solihull ICB) or a "
        "Local Health Board in Wales",
        True,
        "s.115(2)(f) (a Health Authority as enacted; its successors, integrated care boards in "
        "England and Local Health Boards in Wales, today)",
        True,
        hint="e.g. the local ICB",
    ),
    KindInfo(
        "health_provider",
        "Hospital, NHS trust, GP practice or other health provider",
        "an NHS trust or foundation trust (hospital, mental health, community or ambulance), a "
        "GP practice, or a private health provider",
        False,
        "s.115(2) lists the health bodies that commission care, not those that provide it",
        False,
    ),
    KindInfo(
        "government",
        "Government department or agency",
        "a central government department or agency, such as the Department for Work and Pensions",
        False,
        "s.115(2) does not list government departments",
        True,
        hint="e.g. the DWP",
    ),
    KindInfo(
        "school",
        "School, college or academy",
        "a school, academy, college or university",
        False,
        "s.115(2) does not list schools (a council's education service is part of the council)",
        False,
    ),
    KindInfo(
        "housing_provider",
        "Housing association or other social landlord",
        "a housing association or other registered provider of social housing (a council's own "
        "housing service is part of the council)",
        False,
        "s.115(2) does not list housing providers",
        False,
    ),
    KindInfo(
        "voluntary",
        "Charity, voluntary or community group",
        "a charity, voluntary or community organisation, or a community interest company",
        False,
        "s.115(2) does not list voluntary organisations",
        False,
    ),
    KindInfo(
        "business",
        "Business",
        "a company or a business improvement district",
        False,
        "s.115(2) does not list businesses",
        False,
        hint="or a business improvement district",
    ),
    KindInfo(
        "other",
        "Something else",
        "any other kind of organisation",
        False,
        "not a kind s.115(2) lists",
        False,
    ),
    KindInfo(
        "private_individual",
        "A private person",
        "a member of the public, not acting for an organisation: a victim, an applicant under "
        "Clare's Law or Sarah's Law, an employer told about an offender, a respondent served with "
        "evidence, or the person the information is about",
        False,
        "a private person is not an authority s.115(2) lists",
        False,
        hint="a member of the public, not an organisation",
    ),
)

#: Every kind, by code, in the contract's order.
KINDS: dict[str, KindInfo] = {k.code: k for k in _KINDS}

#: Whether each kind is a relevant authority under s.115(2); look up with ``.get(kind)`` so that a
#: kind not known (None) gives None.
RELEVANT_AUTHORITY: dict[str | None, bool] = {k.code: k.relevant_authority for k in _KINDS}

#: The kinds every organisation of which is a public authority.
PUBLIC_AUTHORITY_KINDS: frozenset[str | None] = frozenset(k.code for k in _KINDS if k.public_authority)

#: The kinds whose information is police information (Appendix 3).
POLICE_KINDS: frozenset[str | None] = frozenset({"police", "other_police"})

#: The kinds whose every organisation ispcheck takes to be a competent authority for DPA 2018 Part 3
#: (law enforcement processing, s.30 and Schedule 7): police forces, other police bodies, probation
#: and prisons. Others may be for some functions; that is for a person to confirm (pack
#: interpretation ``law-enforcement-competent-authority``).
COMPETENT_AUTHORITY_KINDS: frozenset[str | None] = frozenset(
    {"police", "other_police", "probation", "prison"}
)
