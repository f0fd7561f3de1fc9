"""The vocabulary of a sales office: parties and events (private; see the package)."""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections.abc import Mapping
from fractions import Fraction
from typing import Any, ClassVar

import attrs

from custrules import _check
from custrules._frozen import FrozenMap
from custrules._i18n import N_, Names, tr
from custrules.errors import InvalidInputError, InvalidTypeError
from custrules.money import to_fraction_shares
from custrules.periods import CHINA_TZ, local_date

# -- parties ----------------------------------------------------------------------------


class PartyKind(str, enum.Enum):
    """Who can hold a share of a commission."""

    SALESPERSON = "salesperson"  # 售楼员 / 销售员
    REFERRER = "referrer"  # 介绍人 (an employee outside sales, RE11)
    PUBLIC_POOL = "public_pool"  # 公佣 (RE12-6)
    DEPARTMENT = "department"  # 部门 (RE14-5.4)

    def label(self, lang: str = "en") -> str:
        """``salesperson`` / ``置业顾问``, ``referrer`` / ``推荐人``, ``public pool`` /
        ``公佣``, ``department`` / ``部门``."""
        return tr(_KIND_LABELS[self], lang)


_KIND_LABELS = {
    PartyKind.SALESPERSON: N_("salesperson"),
    PartyKind.REFERRER: N_("referrer"),
    PartyKind.PUBLIC_POOL: N_("public pool"),
    PartyKind.DEPARTMENT: N_("department"),
}


def _to_party_kind(value: Any) -> PartyKind:
    """A PartyKind from itself, its value or its name (errors list the choices)."""
    result: PartyKind = _check.member(PartyKind, value, "party kind")
    return result


_KIND_ORDER = {k: i for i, k in enumerate(PartyKind)}


@attrs.frozen(cache_hash=True)
class Party:
    """A share-holder: a salesperson, a referrer, the public pool or the department."""

    kind: PartyKind = attrs.field(converter=_to_party_kind)
    name: str = attrs.field(validator=_check.nonempty)

    def __str__(self) -> str:
        kind: str = self.kind.value
        if self.kind in (PartyKind.SALESPERSON, PartyKind.REFERRER):
            return f"{kind}:{self.name}"
        return kind

    def label(self, lang: str = "en") -> str:
        """The party as a reader sees it: ``salesperson:甲`` in English, ``置业顾问 甲``
        in Chinese (the public pool and the department by their kind alone)."""
        if lang == "en":
            return str(self)
        kind = self.kind.label(lang)
        if self.kind in (PartyKind.SALESPERSON, PartyKind.REFERRER):
            return f"{kind} {self.name}"
        return kind

    def __lt__(self, other: Party) -> bool:
        return (_KIND_ORDER[self.kind], self.name) < (_KIND_ORDER[other.kind], other.name)

    @classmethod
    def parse(cls, text: str) -> Party:
        """``salesperson:张三``, ``referrer:李四``, ``public_pool`` or ``department``."""
        if isinstance(text, Party):
            return text
        if not isinstance(text, str):
            raise InvalidTypeError.of(
                N_("a party is text such as 'salesperson:张三', got {text!r}"),
                code="realestate.events.party.parse.party_text",
                text=text,
            )
        kind, _, name = text.partition(":")
        try:
            party_kind = PartyKind(kind.strip())
        except ValueError:
            raise InvalidInputError.of(
                N_(
                    "unknown party {text!r}: use salesperson:NAME, referrer:NAME, "
                    "public_pool or department"
                ),
                code="realestate.events.party.parse.unknown_party",
                value=text,
                text=text,
            ) from None
        if party_kind is PartyKind.PUBLIC_POOL:
            return PUBLIC_POOL
        if party_kind is PartyKind.DEPARTMENT:
            return DEPARTMENT
        return cls(party_kind, name.strip())


#: 公佣: the sales office's public commission pool (RE12-6).
PUBLIC_POOL = Party(PartyKind.PUBLIC_POOL, "公佣")
#: 部门: the sales department (RE14-5.4).
DEPARTMENT = Party(PartyKind.DEPARTMENT, "部门")


def salesperson(name: str) -> Party:
    """The salesperson ``name`` as a party (memoised: parties are immutable)."""
    if type(name) is not str:
        _check.text(name, "a salesperson's name")
    return _salesperson(name)


@functools.lru_cache(maxsize=4096)
def _salesperson(name: str) -> Party:
    return Party(PartyKind.SALESPERSON, name)


def referrer(name: str) -> Party:
    """The referrer ``name`` as a party (memoised: parties are immutable)."""
    if type(name) is not str:
        _check.text(name, "a referrer's name")
    return _referrer(name)


@functools.lru_cache(maxsize=1024)
def _referrer(name: str) -> Party:
    return Party(PartyKind.REFERRER, name)


def _party_shares(value: Any) -> Mapping[Party, Fraction]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError.of(
            N_("shares must be a mapping of party -> Fraction, got {shown!r}"),
            code="realestate.events.party_shares.shares_mapping",
            shown=value,
        )
    parsed = {Party.parse(k): v for k, v in value.items()}
    return FrozenMap(dict(sorted(to_fraction_shares(parsed).items())))


# -- events -------------------------------------------------------------------------------


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    names = _check.items(value, "names", limit=50)
    for name in names:
        _check.text(name, "a name")
    return names


def _each_once(instance: Any, attribute: Any, value: tuple[str, ...]) -> None:
    """attrs validator: a list of people names each of them once (a name twice
    would read as two people named: RE14-5.3(5)'s "several names")."""
    seen: set[str] = set()
    for name in value:
        if name in seen:
            raise InvalidInputError.of(
                N_("{what} names {name} twice ({a}): name each person once, in the order named"),
                code="realestate.events.names_twice",
                value=value,
                what=attribute.name,
                name=name,
                a=Names(value),
            )
        seen.add(name)


def _china_at(value: Any) -> _dt.datetime:
    """An event's instant in China's time (a fixed offset: instants written in a zone
    with daylight saving would otherwise compare by their wall clocks)."""
    return _check.instant_in(value, "at", CHINA_TZ)


def _china_confirmed_at(value: Any) -> _dt.datetime | None:
    return None if value is None else _check.instant_in(value, "confirmed_at", CHINA_TZ)


@attrs.frozen(kw_only=True)
class Event:
    """A fact in time about one customer (``customer`` is its id)."""

    #: the instant, kept in China's time (the same instant, whatever zone it came in)
    at: _dt.datetime = attrs.field(converter=_china_at)
    customer: str = attrs.field(validator=_check.nonempty)

    #: sort rank among events at the same instant, and the JSON type name
    rank: ClassVar[int] = 99
    type_name: ClassVar[str] = "event"

    @property
    def actor(self) -> str:
        """The main person of the event (for ordering and explanations)."""
        return ""


@attrs.frozen(kw_only=True)
class HouseholdLink(Event):
    """``customer`` and ``other`` are one household (e.g. spouses; RE12-7.4)."""

    other: str = attrs.field(validator=_check.nonempty)
    relation: str = attrs.field(default="spouse", validator=_check.nonempty)
    rank: ClassVar[int] = 0
    type_name: ClassVar[str] = "household"

    def __attrs_post_init__(self) -> None:
        if self.other == self.customer:
            raise InvalidInputError.of(
                N_(
                    "{customer} cannot be linked to themself as a household: name the other member"
                ),
                code="realestate.events.householdlink.linked_to_themself",
                value=self.other,
                customer=self.customer,
            )

    @property
    def actor(self) -> str:
        return self.other


@attrs.frozen(kw_only=True)
class ReferralRegistration(Event):
    """An employee registers a private contact before the first visit (RE11-2)."""

    referrer: str = attrs.field(validator=_check.nonempty)
    appointment: _dt.date
    #: RE11-1: only private contacts (亲朋好友), never customers met through work
    private_contact: bool = attrs.field(default=True, validator=_check.flag)
    rank: ClassVar[int] = 1
    type_name: ClassVar[str] = "referral"

    def __attrs_post_init__(self) -> None:
        _check.plain_date(self.appointment, "appointment")
        registered = local_date(self.at)
        if self.appointment < registered:
            # (read as RE11-3's lapse, a slip of the date would cost the referrer 30 %)
            raise InvalidInputError.of(
                N_(
                    "{referrer}'s referral is registered on {a} for an appointment on "
                    "{a2}, a day already past: check the appointment date (RE11-2: the "
                    "referral is registered before the visit)"
                ),
                code="realestate.events.referralregistration.appointment_past",
                value=self.appointment,
                referrer=self.referrer,
                a=registered.isoformat(),
                a2=self.appointment.isoformat(),
            )

    @property
    def actor(self) -> str:
        return self.referrer


class AfterSales(str, enum.Enum):
    """Who handles after-sales for a deal the company arranged (RE12-6.4, 6.5)."""

    SALESPERSON = "salesperson"
    OTHER_STAFF = "other_staff"


def _to_after_sales(value: Any) -> AfterSales:
    """A AfterSales from itself, its value or its name (errors list the choices)."""
    result: AfterSales = _check.member(AfterSales, value, "after sales")
    return result


def _to_optional_after_sales(value: Any) -> AfterSales | None:
    """None, or a AfterSales from itself, its value or its name (errors list the choices)."""
    return None if value is None else _to_after_sales(value)


@attrs.frozen(kw_only=True)
class CompanyIntroduction(Event):
    """The company or an executive introduces the customer (RE12-6)."""

    by: str = attrs.field(validator=_check.nonempty)
    #: an executive named a salesperson (RE12-6.2)
    named_salesperson: str | None = attrs.field(default=None, validator=_check.optional_nonempty)
    #: the company arranged the deal itself, with no reception (RE12-6.4, 6.5)
    arranged_deal: bool = attrs.field(default=False, validator=_check.flag)
    after_sales: AfterSales | None = attrs.field(default=None, converter=_to_optional_after_sales)
    #: the salesperson handling after-sales (RE12-6.4)
    after_sales_by: str | None = attrs.field(default=None, validator=_check.optional_nonempty)
    rank: ClassVar[int] = 2
    type_name: ClassVar[str] = "company_introduction"

    def __attrs_post_init__(self) -> None:
        if self.after_sales is AfterSales.SALESPERSON and self.after_sales_by is None:
            raise InvalidInputError.of(
                N_("after_sales='salesperson' needs after_sales_by"),
                code="realestate.events.companyintroduction.after_sales_salesperson",
            )
        # (read past, either would pay the deal by RE12-6.3 instead of 6.4 or 6.5)
        if self.after_sales is not None and not self.arranged_deal:
            raise InvalidInputError.of(
                N_(
                    "after_sales={a!r} is for a deal the company arranged (RE12-6.4, 6.5): "
                    "add arranged_deal=True, or leave after_sales out"
                ),
                code="realestate.events.companyintroduction.after_sales_arranged",
                value=self.after_sales,
                a=self.after_sales.value,
            )
        if self.after_sales_by is not None and self.after_sales is not AfterSales.SALESPERSON:
            raise InvalidInputError.of(
                N_(
                    "after_sales_by={name!r} names the salesperson of "
                    "after_sales='salesperson' (RE12-6.4): give that, or leave "
                    "after_sales_by out"
                ),
                code="realestate.events.companyintroduction.after_sales_by",
                value=self.after_sales_by,
                name=self.after_sales_by,
            )

    @property
    def actor(self) -> str:
        return self.by


class IntroHow(str, enum.Enum):
    """How an old customer introduced a new one (RE12-7.5)."""

    PHONED_AHEAD = "phoned_ahead"  # (a) phoned the salesperson, appointment announced
    ESCORTED = "escorted"  # (b) came along and asked for the salesperson
    NONE = "none"  # (c) neither: the new customer came alone


def _to_intro_how(value: Any) -> IntroHow:
    """A IntroHow from itself, its value or its name (errors list the choices)."""
    result: IntroHow = _check.member(IntroHow, value, "intro how")
    return result


@attrs.frozen(kw_only=True)
class OldCustomerIntroduction(Event):
    """An old customer (``old_customer``) introduces this one to ``salesperson``."""

    old_customer: str = attrs.field(validator=_check.nonempty)
    #: the old customer's salesperson (RE12-7.5, RE14-5.3(10))
    salesperson: str = attrs.field(validator=_check.nonempty)
    how: IntroHow = attrs.field(default=IntroHow.NONE, converter=_to_intro_how)
    rank: ClassVar[int] = 3
    type_name: ClassVar[str] = "old_customer_introduction"

    def __attrs_post_init__(self) -> None:
        if self.old_customer == self.customer:
            # (read as one, it gave the customer to the salesperson named here)
            raise InvalidInputError.of(
                N_(
                    "{customer} cannot introduce themself: old_customer names the old "
                    "customer who introduced them"
                ),
                code="realestate.events.oldcustomerintroduction.introduce_themself",
                value=self.old_customer,
                customer=self.customer,
            )

    @property
    def actor(self) -> str:
        return self.salesperson


class Previous(str, enum.Enum):
    """What a visiting customer says about earlier visits."""

    FIRST_VISIT = "first_visit"  # says this is the first visit
    NAMES = "names"  # was received before and names the salesperson(s) in asked_for
    FORGOT = "forgot"  # was received before but cannot say by whom


def _to_previous(value: Any) -> Previous:
    """A Previous from itself, its value or its name (errors list the choices)."""
    result: Previous = _check.member(Previous, value, "previous")
    return result


@attrs.frozen(kw_only=True)
class Visit(Event):
    """A visit to the sales office and who received it."""

    received_by: str = attrs.field(validator=_check.nonempty)
    previous: Previous = attrs.field(default=Previous.FIRST_VISIT, converter=_to_previous)
    #: salespeople the customer named or asked for, in the order named
    asked_for: tuple[str, ...] = attrs.field(default=(), converter=_names, validator=_each_once)
    #: named before the substantive reception, on entering (RE12-5.1, RE14-2.5(1)):
    #: the first of ``asked_for``, or without it the salesperson who received them
    named_on_entry: bool = attrs.field(default=False, validator=_check.flag)
    #: received as a courtesy (义务接待) for this absent salesperson
    courtesy_for: str | None = attrs.field(default=None, validator=_check.optional_nonempty)
    #: the customer came to another salesperson to get a discount (RE14-5.3(6))
    for_discount: bool = attrs.field(default=False, validator=_check.flag)
    #: at an exhibition or an opening (RE14-5.3(13))
    exhibition: bool = attrs.field(default=False, validator=_check.flag)
    rank: ClassVar[int] = 4
    type_name: ClassVar[str] = "visit"

    def __attrs_post_init__(self) -> None:
        if self.courtesy_for == self.received_by:
            raise InvalidInputError.of(
                N_("{received_by} cannot receive a customer as a courtesy for themself"),
                code="realestate.events.visit.cannot_receive",
                value=self,
                received_by=self.received_by,
            )

    @property
    def actor(self) -> str:
        return self.received_by


@attrs.frozen(kw_only=True)
class Registration(Event):
    """The visitor form (客户来访登记表) naming the salesperson (RE12-7.1, RE14-5.1)."""

    salesperson: str = attrs.field(validator=_check.nonempty)
    #: when the project manager confirmed it (RE12-7.2); None: not confirmed
    confirmed_at: _dt.datetime | None = attrs.field(default=None, converter=_china_confirmed_at)
    rank: ClassVar[int] = 5
    type_name: ClassVar[str] = "registration"

    def __attrs_post_init__(self) -> None:
        if self.confirmed_at is not None and self.confirmed_at < self.at:
            raise InvalidInputError.of(
                N_(
                    "{salesperson}'s registration is confirmed ({confirmed_at}) before "
                    "it was made ({at}): check both times"
                ),
                code="realestate.events.registration.s_registration",
                value=self,
                salesperson=self.salesperson,
                confirmed_at=self.confirmed_at,
                at=self.at,
            )

    @property
    def actor(self) -> str:
        return self.salesperson


@attrs.frozen(kw_only=True)
class MeetingRecord(Event):
    """The manager's evening-meeting record (晚会记录) of who received the customer first.

    RE14-5.1: in a dispute over a first visit, the registration times and this
    record decide.  Where two registrations carry the same instant (forms are
    often stamped to the minute or the day), the record names the earlier.
    """

    #: the salesperson the record names as the first to receive the customer
    first: str = attrs.field(validator=_check.nonempty)
    recorded_by: str | None = attrs.field(default=None, validator=_check.optional_nonempty)
    rank: ClassVar[int] = 15
    type_name: ClassVar[str] = "meeting_record"

    @property
    def actor(self) -> str:
        return self.first


@attrs.frozen(kw_only=True)
class ReferralConfirmation(Event):
    """The project manager (or sales lead) confirms a referral at the visit (RE11-4)."""

    referrer: str = attrs.field(validator=_check.nonempty)
    confirmed_by: str = attrs.field(validator=_check.nonempty)
    rank: ClassVar[int] = 6
    type_name: ClassVar[str] = "referral_confirmation"

    @property
    def actor(self) -> str:
        return self.referrer


@attrs.frozen(kw_only=True)
class Recognition(Event):
    """The earlier salesperson (``original``) is recognised, or found in the records."""

    original: str = attrs.field(validator=_check.nonempty)
    #: found by the new salesperson in the customer records after the customer left
    #: (RE14-5.3(7); under RE12-3.7 such a look-up is (i), never (g))
    by_records: bool = attrs.field(default=False, validator=_check.flag)
    rank: ClassVar[int] = 7
    type_name: ClassVar[str] = "recognition"

    @property
    def actor(self) -> str:
        return self.original


class Fault(str, enum.Enum):
    """The salesperson's fault when a customer asks for another (RE12-3.10)."""

    NONE = "none"
    MINOR = "minor"
    SERIOUS = "serious"


def _to_fault(value: Any) -> Fault:
    """A Fault from itself, its value or its name (errors list the choices)."""
    result: Fault = _check.member(Fault, value, "fault")
    return result


@attrs.frozen(kw_only=True)
class SwitchRequest(Event):
    """The customer asks to leave salesperson ``from_`` (for ``to``, if named)."""

    from_: str = attrs.field(validator=_check.nonempty)
    to: str | None = attrs.field(default=None, validator=_check.optional_nonempty)
    fault: Fault = attrs.field(default=Fault.NONE, converter=_to_fault)
    #: the customer firmly refuses the salesperson (RE12-3.10(c); with ``to`` and
    #: ``permitted``, RE12-5.2's 态度坚决: the manager let the one named take over)
    firm: bool = attrs.field(default=False, validator=_check.flag)
    #: the manager allowed the switch (RE12-5.2, 5.3)
    permitted: bool = attrs.field(default=False, validator=_check.flag)
    #: the named salesperson incited it (RE12-5.2)
    incited: bool = attrs.field(default=False, validator=_check.flag)
    #: who took over (the next in rotation for RE12-3.10(c))
    granted_to: str | None = attrs.field(default=None, validator=_check.optional_nonempty)
    rank: ClassVar[int] = 8
    type_name: ClassVar[str] = "switch_request"

    def __attrs_post_init__(self) -> None:
        if self.incited and self.to is None:
            raise InvalidInputError.of(
                N_(
                    "incited says the salesperson the customer asked for incited the "
                    "request (RE12-5.2): name them in to"
                ),
                code="realestate.events.switchrequest.incited_to",
                value=self.incited,
            )
        if self.permitted and self.to is not None and self.granted_to not in (None, self.to):
            raise InvalidInputError.of(
                N_(
                    "permitted says the manager let {to}, whom the customer asked for, take "
                    "over (RE12-5.2, 5.3): granted_to={granted_to!r} names someone else; "
                    "leave it out, or record who took over without permitted"
                ),
                code="realestate.events.switchrequest.granted_to_other",
                value=self.granted_to,
                to=self.to,
                granted_to=self.granted_to,
            )
        for other in (self.to, self.granted_to):
            if other == self.from_:
                raise InvalidInputError.of(
                    N_("a switch from {from_} to {other} is no switch: name someone else"),
                    code="realestate.events.switchrequest.switch_from",
                    value=self,
                    from_=self.from_,
                    other=other,
                )

    @property
    def actor(self) -> str:
        return self.from_

    @property
    def removes(self) -> bool:
        """Whether the request is RE12-3.10(c)'s: a serious fault or a firm refusal."""
        return self.fault is Fault.SERIOUS or self.firm


@attrs.frozen(kw_only=True)
class SalespersonComplaint(Event):
    """The customer complains about salesperson ``against`` (RE14-5.3(4))."""

    against: str = attrs.field(validator=_check.nonempty)
    #: the salesperson now receiving, who informs the supervisor
    reported_by: str = attrs.field(validator=_check.nonempty)
    #: the supervisor has confirmed it
    confirmed: bool = attrs.field(default=False, validator=_check.flag)
    rank: ClassVar[int] = 9
    type_name: ClassVar[str] = "complaint"

    def __attrs_post_init__(self) -> None:
        if self.reported_by == self.against:
            raise InvalidInputError.of(
                N_(
                    "{against} cannot report a complaint against themself: reported_by "
                    "is the salesperson now receiving the customer (RE14-5.3(4))"
                ),
                code="realestate.events.salespersoncomplaint.cannot_report",
                value=self,
                against=self.against,
            )

    @property
    def actor(self) -> str:
        return self.against


@attrs.frozen(kw_only=True)
class Reallocation(Event):
    """The manager re-allocates a customer by random draw (RE14-5.3(12))."""

    from_: str = attrs.field(validator=_check.nonempty)
    to: str = attrs.field(validator=_check.nonempty)
    #: the record of the random draw (随机抽数), as the manager wrote it down
    draw: str = attrs.field(validator=_check.nonempty)
    reason: str = attrs.field(default="leave", validator=_check.nonempty)
    rank: ClassVar[int] = 10
    type_name: ClassVar[str] = "reallocation"

    def __attrs_post_init__(self) -> None:
        if self.to == self.from_:
            raise InvalidInputError.of(
                N_("a re-allocation from {from_} to itself"),
                code="realestate.events.reallocation.re_allocation",
                value=self,
                from_=self.from_,
            )

    @property
    def actor(self) -> str:
        return self.to


@attrs.frozen(kw_only=True)
class Deal(Event):
    """The deal (成交), closed by ``closed_by``."""

    closed_by: str = attrs.field(validator=_check.nonempty)
    rank: ClassVar[int] = 11
    type_name: ClassVar[str] = "deal"

    @property
    def actor(self) -> str:
        return self.closed_by


@attrs.frozen(kw_only=True)
class NameChange(Event):
    """A change of buyer name or unit after the deal (RE12-7.6)."""

    new_name: str = attrs.field(validator=_check.nonempty)
    rank: ClassVar[int] = 12
    type_name: ClassVar[str] = "name_change"


class DisputeOutcome(str, enum.Enum):
    """RE14-5.4: crossed customers."""

    PENDING = "pending"  # not settled yet
    SETTLED = "settled"  # settled amicably between the parties (shares agreed)
    MEDIATED = "mediated"  # the department mediated (shares decided)
    QUARREL = "quarrel"  # the parties quarrelled: everything to the department


def _to_dispute_outcome(value: Any) -> DisputeOutcome:
    """A DisputeOutcome from itself, its value or its name (errors list the choices)."""
    result: DisputeOutcome = _check.member(DisputeOutcome, value, "dispute outcome")
    return result


@attrs.frozen(kw_only=True)
class Dispute(Event):
    """Salespeople dispute a crossed customer (RE14-5.4)."""

    parties: tuple[str, ...] = attrs.field(converter=_names, validator=_each_once)
    outcome: DisputeOutcome = attrs.field(converter=_to_dispute_outcome)
    shares: Mapping[Party, Fraction] | None = attrs.field(
        default=None, converter=attrs.converters.optional(_party_shares)
    )
    rank: ClassVar[int] = 13
    type_name: ClassVar[str] = "dispute"

    def __attrs_post_init__(self) -> None:
        needs = self.outcome in (DisputeOutcome.SETTLED, DisputeOutcome.MEDIATED)
        if needs and self.shares is None:
            raise InvalidInputError.of(
                N_("a {a} dispute needs the agreed shares"),
                code="realestate.events.dispute.dispute_needs",
                a=self.outcome.value,
            )


@attrs.frozen(kw_only=True)
class Ruling(Event):
    """A manager's written ruling (RE12-7.7; RE14-5.3(13), 5.4).

    ``shares`` must be exact and sum to 1; RE12 also needs the sales
    director's approval (``approved_by``).
    """

    by: str = attrs.field(validator=_check.nonempty)
    shares: Mapping[Party, Fraction] = attrs.field(converter=_party_shares)
    owner: str | None = attrs.field(default=None, validator=_check.optional_nonempty)
    approved_by: str | None = attrs.field(default=None, validator=_check.optional_nonempty)
    text: str = attrs.field(default="", validator=_check.free_text)
    rank: ClassVar[int] = 14
    type_name: ClassVar[str] = "ruling"

    def __attrs_post_init__(self) -> None:
        if self.owner is not None and self.shares.get(salesperson(self.owner), 0) <= 0:
            held = Names(str(p) for p, v in self.shares.items() if v > 0)
            raise InvalidInputError.of(
                N_(
                    "the ruling names {owner} as owner, but {owner} holds no share "
                    "(shares: {held}): the owner must be a salesperson with a positive "
                    "share"
                ),
                code="realestate.events.ruling.ruling_names",
                value=self,
                owner=self.owner,
                held=held,
            )

    @property
    def actor(self) -> str:
        return self.by


#: each kind of record as explanations name it
EVENT_WORDS: Mapping[str, str] = FrozenMap(
    {
        "household": N_("household link"),
        "referral": N_("referral"),
        "company_introduction": N_("company introduction"),
        "old_customer_introduction": N_("old-customer introduction"),
        "visit": N_("visit"),
        "registration": N_("registration"),
        "meeting_record": N_("evening-meeting record"),
        "referral_confirmation": N_("referral confirmation"),
        "recognition": N_("recognition"),
        "switch_request": N_("switch request"),
        "complaint": N_("complaint"),
        "reallocation": N_("re-allocation"),
        "deal": N_("deal"),
        "name_change": N_("name change"),
        "dispute": N_("dispute"),
        "ruling": N_("ruling"),
    }
)

EVENT_TYPES: tuple[type[Event], ...] = (
    HouseholdLink,
    ReferralRegistration,
    CompanyIntroduction,
    OldCustomerIntroduction,
    Visit,
    Registration,
    ReferralConfirmation,
    Recognition,
    SwitchRequest,
    SalespersonComplaint,
    Reallocation,
    Deal,
    NameChange,
    Dispute,
    Ruling,
    MeetingRecord,
)
