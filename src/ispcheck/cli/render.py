"""Text output for people. Leads with the answer, then what to do, then why, then the duties."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from ..decision import Decision, Effect, Finding, Outcome
from ..engine import Checker
from ..errors import Problem
from ..fact_words import rule_in_words
from ..pack import Pack
from ..partners import Match, NonSignatory, Partner
from ..roles import DESIGNATED_OFFICER, OWN_DATA_PROTECTION_LEAD
from ..rule import LAW_REGIMES

OUTCOME_STYLE = {
    Outcome.SHARE: "bold green",
    Outcome.SHARE_WITH_CONDITIONS: "bold yellow",
    Outcome.REFER: "bold magenta",
    Outcome.DO_NOT_SHARE: "bold red",
}
_EFFECT_ORDER = (Effect.BLOCK, Effect.REFER, Effect.CONDITION, Effect.ADVICE)
_EFFECT_HEADING = {
    Effect.BLOCK: "Stops the share",
    Effect.REFER: "Needs a decision from someone else",
    Effect.CONDITION: "Conditions",
    Effect.ADVICE: "Advice",
}


def cite(clauses: Iterable[str]) -> str:
    """One way of citing the protocol ("ISP 3.6, 4.1"), so findings read alike on every screen."""
    return "ISP " + ", ".join(clauses)


class _Page:
    """Collects headings and bulleted items, then prints them at once, each wrapped with its indent.

    One print call is much faster than many with rich. Every line is wrapped here (by
    :func:`wrapped`), so a continuation keeps its indent rather than restarting at the left margin.
    """

    def __init__(self, console: Console) -> None:
        self.console = console
        self.text = Text()

    def line(self, markup: str) -> None:
        """One line of markup; leading newlines give blank lines, leading spaces its indent."""
        text = Text.from_markup(markup, emoji=False)
        for paragraph in text.split("\n", allow_blank=True):
            plain = paragraph.plain
            indent = len(plain) - len(plain.lstrip(" "))
            if not plain.strip():
                self.text.append("\n")
                continue
            body = paragraph[indent:]
            self.text.append_text(wrapped(self.console, body, lead=" " * indent, hang=indent + 2))

    def item(self, markup: str, *, marker: str = "•", indent: int = 2) -> None:
        lead = " " * (indent - 1) + marker + " "
        self.text.append_text(wrapped(self.console, Text.from_markup(markup, emoji=False), lead=lead))

    def print(self) -> None:
        self.text.rstrip()
        self.console.print(self.text, soft_wrap=True)


def wrapped(console: Console, text: Text, *, lead: str = "", hang: int | None = None) -> Text:
    """``text`` wrapped to the terminal: the first line after ``lead``, the rest ``hang`` spaces in.

    ``hang`` is the width of ``lead`` unless given. The terminal is never left to wrap a line
    itself, since it would restart the line at column 0; the last column is kept free too.
    Blank lines before the text stay blank. Each line of the result ends with a newline.
    """
    hang = len(lead) if hang is None else hang
    width = max(console.width - 1 - max(len(lead), hang), 20)
    blank = len(text.plain) - len(text.plain.lstrip("\n"))
    out = Text("\n" * blank)  # blank lines before a paragraph are not its first line
    for number, piece in enumerate(text[blank:].wrap(console, width)):
        out.append(lead if number == 0 else " " * hang)
        piece.rstrip()
        out.append_text(piece)
        out.append("\n")
    return out


def reading_titles(pack: Pack) -> dict[str, str]:
    """The title of each of the pack's interpretations, by id, for showing beside findings."""
    return {ident: entry.title for ident, entry in pack.interpretations.items()}


@dataclass(frozen=True, slots=True)
class Sharer:
    """The organisation sharing, as the register knows it, so roles on screen can be named.

    A signatory's Designated Officers are named from the register; an organisation that has not
    signed has none (8.1), so what the rules send to a Designated Officer goes to its own Data
    Protection Officer instead.
    """

    name: str
    partner: Partner | None
    #: The protocol's clauses on Designated Officers ("8.1"), cited when the sharer has none.
    designated_officer_clauses: tuple[str, ...] = ()

    @classmethod
    def of(cls, name: str, pack: Pack) -> Sharer:
        """The organisation ``name`` as ``pack``'s register knows it."""
        return cls(name, pack.register.exact(name), pack.concepts.cite(("designated-officers",)))


def decision(
    console: Console,
    result: Decision,
    *,
    readings: Mapping[str, str] | None = None,
    sharer: Sharer | None = None,
    why: bool = True,
) -> None:
    """The whole decision: what to do first, then every finding, then the standing duties.

    ``readings`` (interpretation titles by id) names, under a finding, any reading of the protocol
    it rests on that goes beyond the protocol's words. ``why=False`` is the checklist's end: in
    place of every finding, only the advice, so the screen is the list of everything to do (the
    findings are in the saved record).
    """
    page = _Page(console)
    _headline(page, result)
    _actions(page, result, sharer)
    _afterwards(page, result, sharer)
    if why:
        _findings(page, result, readings or {})
    else:
        _advice(page, result, sharer)
    _obligations(page, result)
    page.line(
        f"\n[dim]Decided {result.made_at:%Y-%m-%d %H:%M:%S %Z} with pack "
        f"{result.pack_name} {result.pack_version}.[/]"
    )
    page.print()


def short_outcome(result: Decision) -> str:
    """The outcome in words that fit a status line, e.g. SHARE WITH CONDITIONS."""
    return result.outcome.value.replace("_", " ").upper()


def _headline(page: _Page, result: Decision) -> None:
    style = OUTCOME_STYLE[result.outcome]
    page.line(f"[{style}]{result.outcome.label.upper()}[/] [dim]({result.outcome.value})[/]")
    if result.urgent and result.outcome is Outcome.DO_NOT_SHARE:
        page.line(
            "[bold]Urgent risk to life, but this share cannot go ahead as proposed:[/] see what stops "
            "it; change what is shared or the basis for it, then share what is necessary now."
        )
    elif result.urgent:
        page.line("[bold]Urgent risk to life:[/] share what is necessary now; record it afterwards.")


def _actions(page: _Page, result: Decision, sharer: Sharer | None) -> None:
    blocks = result.findings_with(Effect.BLOCK)
    if blocks:
        page.line("\n[bold]What stops the share[/]")
        for f in blocks:
            page.item(f"{escape(_named(f.action or f.message, sharer))} [dim]({cite(f.clauses)})[/]")
    refers = result.findings_with(Effect.REFER)
    if refers:
        page.line("\n[bold]Who must decide first[/]")
        groups: dict[str, list[Finding]] = {}
        for f in refers:
            groups.setdefault(_decides(f.refer_to or "", sharer), []).append(f)
        for who, group in groups.items():
            note = _who_note(who, sharer, group)
            page.line(f"  [bold]{escape(who)}[/]" + (f" ({escape(note)})" if note else ""))
            for f in group:
                page.item(
                    f"{escape(_named(f.action or f.message, sharer))} [dim]({cite(f.clauses)})[/]", indent=4
                )
    conditions = result.conditions
    if conditions:
        page.line("\n[bold]Before the data moves[/]")
        for c in conditions:
            page.item(f"{escape(_named(c.text, sharer))} [dim]({cite(c.clauses)})[/]")


def _decides(role: str, sharer: Sharer | None) -> str:
    """Who decides in place of ``role``: a non-signatory has no Designated Officer (8.1)."""
    if role == DESIGNATED_OFFICER and sharer is not None and sharer.partner is None:
        return OWN_DATA_PROTECTION_LEAD
    return role


def _named(text: str, sharer: Sharer | None) -> str:
    """``text`` with "ask your Designated Officer" sent where it can go for a non-signatory (8.1)."""
    if sharer is None or sharer.partner is not None:
        return text
    return text.replace("ask your Designated Officer", f"ask {OWN_DATA_PROTECTION_LEAD}")


def _who_note(who: str, sharer: Sharer | None, group: list[Finding]) -> str | None:
    """Who that is at the sharing organisation, or why a Designated Officer's finding is here."""
    if sharer is None:
        return None
    if who == DESIGNATED_OFFICER and sharer.partner and sharer.partner.designated_officer_roles:
        return f"at {sharer.partner.name}: {'; '.join(sharer.partner.designated_officer_roles)}"
    if who == OWN_DATA_PROTECTION_LEAD and any(f.refer_to == DESIGNATED_OFFICER for f in group):
        cited = (
            f"; ISP {', '.join(sharer.designated_officer_clauses)}"
            if sharer.designated_officer_clauses
            else ""
        )
        return f"{sharer.name} has not signed the protocol, so it has no Designated Officer{cited}"
    return None


def _afterwards(page: _Page, result: Decision, sharer: Sharer | None) -> None:
    if result.afterwards:
        page.line("\n[bold]As soon as the emergency allows[/]")
        for c in result.afterwards:
            page.item(f"{escape(_named(c.text, sharer))} [dim]({cite(c.clauses)})[/]")


def _findings(page: _Page, result: Decision, readings: Mapping[str, str]) -> None:
    page.line("\n[bold]Findings[/]")
    if not result.findings:
        page.line("  none")
    for effect in _EFFECT_ORDER:
        group = [f for f in result.findings if f.effect is effect]
        if group:
            page.line(f"  [underline]{_EFFECT_HEADING[effect]}[/]")
            for f in group:
                _finding(page, f, readings)


def _advice(page: _Page, result: Decision, sharer: Sharer | None) -> None:
    advice = result.findings_with(Effect.ADVICE)
    if advice:
        page.line("\n[bold]Advice[/]")
        for f in advice:
            said = f"{f.message} {f.action}" if f.action else f.message
            page.item(f"{escape(_named(said, sharer))} [dim]({cite(f.clauses)})[/]")


def _obligations(page: _Page, result: Decision) -> None:
    if result.obligations:
        page.line("\n[bold]Standing obligations for any personal-data share[/]")
        for o in result.obligations:
            who = "" if o.applies_to == "both" else f"[dim]{o.applies_to}:[/] "
            page.item(f"{who}{escape(o.text)} [dim]({cite(o.clauses)})[/]")


def _finding(page: _Page, f: Finding, readings: Mapping[str, str]) -> None:
    text = f"[bold]{f.effect.value}[/] {escape(f.rule_id)} [dim]({cite(f.clauses)})[/]\n{escape(f.message)}"
    if f.action and f.effect is Effect.ADVICE:
        text += f"\n[italic]What to do:[/] {escape(f.action)}"
    if f.facts:
        text += f"\n[dim]Facts that decide it: {', '.join(f.facts)}[/]"
    for ident in f.interpretations:
        title = readings.get(ident)
        said = (
            f"{escape(title)} (interpretation {escape(ident)})"
            if title
            else f"interpretation {escape(ident)}"
        )
        text += f"\n[dim]Goes beyond the protocol's words: {said}; see ispcheck rules[/]"
    page.item(text, marker="-", indent=4)


def problems(console: Console, source: str, found: list[Problem]) -> None:
    console.print(
        f"[bold red]{escape(source)} is not a valid disclosure[/] "
        f"({len(found)} problem{'s' if len(found) != 1 else ''}); no decision was made."
    )
    for p in found:
        where = p.path or "(whole document)"
        console.print(f"  • [bold]{escape(where)}[/]: {escape(p.message)}")


def indented(
    console: Console, text: str, indent: int, style: str = "", *, hang: int = 0, markup: bool = False
) -> None:
    """Print text wrapped to the terminal at ``indent``, continuation lines ``hang`` further in.

    No line restarts at column 0. ``markup`` reads rich markup in ``text``; otherwise it is plain.
    """
    body = Text.from_markup(text, style=style, emoji=False) if markup else Text(text, style=style)
    out = wrapped(console, body, lead=" " * indent, hang=indent + hang)
    out.rstrip()
    console.print(out, soft_wrap=True)


def rules(console: Console, checker: Checker) -> None:
    console.print(
        f"[bold]Rules for the {escape(checker.pack.meta.title)}[/] "
        f"[dim](pack {checker.pack.name} {checker.pack.version})[/]"
    )
    plugin = None
    for registered in checker.rules:
        if registered.plugin != plugin:
            plugin = registered.plugin
            console.print(f"\n[underline]{escape(plugin.removeprefix('ispcheck.rulesets.'))}[/]")
        r = registered.rule
        urgent = f", {r.when_urgent.value} if urgent" if r.when_urgent else ""
        head = f"{r.id} {r.effect.value}{urgent} ({cite(r.clauses)})"
        indented(console, head, 2, style="bold")
        indented(console, r.title, 6)
        indented(console, rule_in_words(r, checker.pack), 6, style="dim")
        if r.law_regime is not None:
            indented(console, f"reads {LAW_REGIMES[r.law_regime]}", 6, style="dim")
        for ident in r.readings:
            title = (
                checker.pack.interpretations[ident].title if ident in checker.pack.interpretations else ident
            )
            indented(console, f"goes beyond the protocol's words: {title} ({ident})", 6, style="dim")
    not_in_this_protocol(console, checker)
    for broken in checker.broken_plugins:
        console.print(f"[bold red]Broken plugin[/] {escape(broken.name)}: {escape(broken.problem)}")
    _facts(console, checker)
    _interpretations(console, checker)


def not_in_this_protocol(console: Console, checker: Checker) -> None:
    """The rules left out because the protocol does not set out the concept they rest on, and
    those applied citing only part of what they rest on."""
    from ..concepts import CONCEPTS

    words = checker.pack.concepts.render_leniently
    if checker.left_out:
        console.print(
            f"\n[bold]Not in this protocol[/] [dim]({len(checker.left_out)} rule(s) not applied: the pack "
            "does not say which of its clauses set out what they rest on; map the concept in the pack's "
            "concepts.toml if the protocol does)[/]"
        )
        for left in checker.left_out:
            indented(console, f"{left.rule.id}: {words(left.rule.title)}", 2, style="bold")
            for concept in left.missing:
                indented(console, f"rests on {concept}: {CONCEPTS.get(concept, '')}", 6, style="dim")
    if checker.cited_in_part:
        console.print(
            f"\n[bold]Applied, citing only what this protocol has[/] [dim]({len(checker.cited_in_part)} "
            "rule(s): the pack does not map a concept they cite; a rule that reads the law applies "
            "whatever the protocol says, citing its escalation clauses when nothing else)[/]"
        )
        for partly in checker.cited_in_part:
            indented(console, f"{partly.rule.id}: {words(partly.rule.title)}", 2, style="bold")
            indented(console, f"not mapped: {', '.join(partly.missing)}", 6, style="dim")


def _facts(console: Console, checker: Checker) -> None:
    from ..catalogue import fact_catalogue

    console.print(
        "\n[bold]What a fact that is not known means[/] [dim](safeguard: taken as not in place; "
        "risk: not taken as absent, so personal data is not simply shared; relaxation: does not apply)[/]"
    )
    for fact in fact_catalogue(checker):
        confirmed = f"; confirm: {', '.join(fact['confirmed_by'])}" if fact["confirmed_by"] else ""
        console.print(f"  [bold]{escape(fact['path'])}[/] [dim]{fact['kind']}{escape(confirmed)}[/]")
        console.print(f"      {escape(fact['what'])} [dim]{escape(fact['if_not_known'])}[/]")


def _interpretations(console: Console, checker: Checker) -> None:
    from ..catalogue import interpretation_catalogue

    console.print(
        "\n[bold]Where the rules go beyond the protocol's words[/] "
        "[dim](for the Data Protection Officer to accept or change)[/]"
    )
    for entry in interpretation_catalogue(checker):
        console.print(f"  [bold]{escape(entry['id'])}[/] [dim]({cite(entry['clauses'])})[/]")
        console.print(f"      {escape(entry['title'])}")
        rules = ", ".join(entry["rules"]) or "no rule (a reading of the contract or a setting)"
        console.print(f"      [dim]rules: {escape(rules)}[/]")


def partner(console: Console, query: str, matches: list[Match], *, pack: Pack) -> None:
    """Whether ``query`` names a signatory, saying what it matched and why.

    Who keeps the register (the pack's publisher) is whom a new signatory contacts.
    """
    words = pack.concepts.render_leniently

    def say(markup: str, indent: int = 0) -> None:
        indented(console, markup, indent, hang=2, markup=True)

    if not matches:
        say(
            f"[bold red]{escape(query)} is not a signatory[/] of the protocol: nothing in "
            + escape(words("its signatory register ([[signatory-register]]) matches it."))
        )
        say(
            escape(
                words(
                    "Before sharing personal data with it, the recipient must sign the protocol's "
                    "confidentiality agreement ([[generic-declaration]]) and be given handling "
                    "instructions (ISP [[non-signatories:ids]]). To sign up, contact the "
                    f"{pack.meta.publisher} (ISP [[signing-up:ids]])."
                )
            )
        )
        return
    best = matches[0]
    if best.exact and isinstance(best.entry, Partner):
        if best.reason:
            say(f"{escape(query)} {escape(best.reason)}.")
        _signatory(say, best.entry, pack)
        return
    if best.exact and isinstance(best.entry, NonSignatory):
        e = best.entry
        say(f"[bold red]{escape(e.name)} is not a signatory.[/] {escape(e.note)} [dim]({cite(e.clauses)})[/]")
        return
    say(f"[bold yellow]No exact match for {escape(query)}.[/] Did you mean:")
    for m in matches:
        kind = "signatory" if m.is_signatory else "not a signatory"
        if m.reason:
            kind += f"; {m.via} {m.reason}"
        elif m.via != m.entry.name:
            kind += f"; found by its other name {m.via}"
        say(f"• {escape(m.entry.name)} [dim]({escape(kind)}; match {m.score:.0%})[/]", 2)
    say(
        escape(words("Until the name is confirmed, treat it as not signed up (ISP [[non-signatories:ids]])."))
    )


def _signatory(say: Callable[[str, int], None], p: Partner, pack: Pack) -> None:
    say(f"[bold green]{escape(p.name)} is a signatory[/] [dim]({escape(pack.clause_name(p.appendix))})[/]", 0)
    say(f"Class: {p.class_label}", 2)
    say(f"Kind: {p.kind}; public authority: {'yes' if p.public_authority else 'no'}", 2)
    relevant = "yes" if p.relevant_authority else "no"
    say(f"Relevant authority (Crime and Disorder Act 1998 s.115(2)): {relevant}", 2)
    if p.chief_officer_role:
        say(f"Chief officer signatory: {escape(p.chief_officer_role)}", 2)
    if p.designated_officer_roles:
        say(f"Designated officer(s): {escape('; '.join(p.designated_officer_roles))}", 2)
    if p.note:
        say(f"Note: {escape(p.note)}", 2)


def register(console: Console, pack: Pack) -> None:
    from rich.table import Table  # only this screen draws a table; the others start without it

    partners = pack.register.partners
    table = Table(title=pack.concepts.render_leniently("Signatories ([[signatory-register]])"))
    for column in ("organisation", "class", "listed in", "public authority"):
        table.add_column(column)
    for p in partners:
        table.add_row(
            p.name,
            p.partner_class.replace("_", " "),
            pack.clause_name(p.appendix),
            "yes" if p.public_authority else "no",
        )
    console.print(table)
