"""Real estate: customer attribution and commission splits (RE11, RE12, RE14).

Sources, from the model regulations of 客户管理管理制度: 《房地产公司员工介绍客户管理办法》
(employee referrals, RE11), 《万科房地产销售部客户管理制度》 (a sales office's customer
rules, RE12) and 《房地产销售客户管理细则》 (sales customer management rules, RE14).
These clauses decide people's pay, and sales offices argue over them: the engine
is exact, deterministic and explains itself.

* Events are immutable facts in time about one customer (or household):
  :class:`Registration`, :class:`Visit`, :class:`Recognition`,
  :class:`SwitchRequest`, :class:`SalespersonComplaint`, :class:`ReferralRegistration`,
  :class:`ReferralConfirmation`, :class:`CompanyIntroduction`,
  :class:`OldCustomerIntroduction`, :class:`HouseholdLink`, :class:`Deal`,
  :class:`NameChange`, :class:`Reallocation`, :class:`Dispute`, the
  evening-meeting record (:class:`MeetingRecord`) and a manager's :class:`Ruling`.
* A policy is data: :data:`RE12` (with RE11 referrals and company
  customers), :data:`RE14`, :data:`RE11`; hosts evolve their own.
* :func:`attribute` returns an :class:`Attribution`: the owner, exact shares
  per :class:`Party` summing to 1, the rules applied with their facts, and
  whether a manager's ruling is needed.
* :func:`custrules.money.allocate` splits the commission to the cent.
* :class:`Rotation` names who receives the next new customer (RE12-3.1,
  RE12-5.1, RE14-2.5(2)).

>>> from datetime import datetime, timedelta
>>> from custrules import CHINA_TZ
>>> t = datetime(2026, 3, 2, 10, 0, tzinfo=CHINA_TZ)
>>> a = attribute([
...     Visit(at=t, customer="王先生", received_by="张"),
...     Registration(at=t, customer="王先生", salesperson="张", confirmed_at=t),
...     Deal(at=t + timedelta(days=10), customer="王先生", closed_by="张"),
... ], RE12)
>>> a.owner, {str(p): str(s) for p, s in a.shares.items()}
('张', {'salesperson:张': '1'})
"""

from custrules.realestate._case import (
    CASE_SCHEMA,
    EVENT_NAMES,
    Case,
    case_from_json,
    case_to_json,
    event_from_json,
    event_to_json,
    policy_named,
    read_case,
)
from custrules.realestate._engine import (
    MAX_READINGS,
    AppliedRule,
    Attribution,
    attribute,
    attribute_many,
)
from custrules.realestate._events import (
    DEPARTMENT,
    PUBLIC_POOL,
    AfterSales,
    CompanyIntroduction,
    Deal,
    Dispute,
    DisputeOutcome,
    Event,
    Fault,
    HouseholdLink,
    IntroHow,
    MeetingRecord,
    NameChange,
    OldCustomerIntroduction,
    Party,
    PartyKind,
    Previous,
    Reallocation,
    Recognition,
    ReferralConfirmation,
    ReferralRegistration,
    Registration,
    Ruling,
    SalespersonComplaint,
    SwitchRequest,
    Visit,
    referrer,
    salesperson,
)
from custrules.realestate._policy import (
    RE11,
    RE12,
    RE14,
    AttributionPolicy,
    CompanyTerms,
    ConfirmationCutoff,
    ForgotRule,
    HouseholdRule,
    IntroRule,
    ReferralTerms,
    SwitchRule,
)
from custrules.realestate._rotation import MakeUp, Rotation, RotationPick

__all__ = [
    "AfterSales",
    "AppliedRule",
    "Attribution",
    "AttributionPolicy",
    "CASE_SCHEMA",
    "Case",
    "CompanyIntroduction",
    "CompanyTerms",
    "ConfirmationCutoff",
    "DEPARTMENT",
    "Deal",
    "Dispute",
    "DisputeOutcome",
    "EVENT_NAMES",
    "Event",
    "Fault",
    "ForgotRule",
    "HouseholdLink",
    "HouseholdRule",
    "IntroHow",
    "IntroRule",
    "MAX_READINGS",
    "MakeUp",
    "MeetingRecord",
    "NameChange",
    "OldCustomerIntroduction",
    "PUBLIC_POOL",
    "Party",
    "PartyKind",
    "Previous",
    "RE11",
    "RE12",
    "RE14",
    "Reallocation",
    "Recognition",
    "ReferralConfirmation",
    "ReferralRegistration",
    "ReferralTerms",
    "Registration",
    "Rotation",
    "RotationPick",
    "Ruling",
    "SalespersonComplaint",
    "SwitchRequest",
    "SwitchRule",
    "Visit",
    "attribute",
    "attribute_many",
    "case_from_json",
    "case_to_json",
    "event_from_json",
    "event_to_json",
    "policy_named",
    "read_case",
    "referrer",
    "salesperson",
]
