"""Who is at the counter: sign in and out, the lock-out of wrong PINs, what each role may do, and the
managers' work on operators. No Qt here (ui/lock_screen.py and ui/operators_dialog.py show it).

Contract:

* :meth:`StaffService.sign_in` checks a name and PIN through the operator's own lock-out
  (:class:`klogs_desk.services.pin_lockout.PinLockout`: 5 wrong PINs in a row lock that operator out for
  30 minutes, or until a manager :meth:`unlock` s them). An unknown name or a disabled operator is refused
  with the same words as a wrong PIN ("name or PIN is wrong"), so the screen does not tell who exists.
* :attr:`StaffService.current` is the signed-in :class:`Operator` or None. In training mode (the sandbox, no
  enabled manager yet: :meth:`start`) it is the built-in :data:`TRAINEE` with a manager's rights.
* :meth:`allowed` / :meth:`require` answer for a :class:`Permission`: a cashier has none of them, a manager
  (and the Trainee) all. :meth:`approve` checks a manager's name and PIN typed in someone else's session
  and returns an :class:`Approval` that :class:`klogs_desk.services.transactions.TransactionService`
  insists on for a cashier's void or refund, and :class:`klogs_desk.services.reports.ReportService` for a
  cashier's close of the day (:meth:`approver_for`: the approval, or the signed-in manager).
* :meth:`require_own` answers for what belongs to one operator (their shift): only that operator does it.
* Managers add operators, disable/enable them, change roles, reset PINs and unlock; an operator changes
  their own PIN by giving the old one. The last enabled manager cannot be disabled or made a cashier.
* Each event goes to the :class:`AuditRecorder` (names and roles only, never a PIN), a refused
  manager-only action too (:data:`PERMISSION_REFUSED`, from :meth:`require` and :meth:`approver_for_money`).
* ``now`` is the wall clock (a lock-out must outlast a restart), injectable for tests.
"""

from __future__ import annotations

import enum
import time
from typing import TYPE_CHECKING, Callable

from ..domain.operators import (
    MIGRATED_MANAGER_NAME,
    TRAINEE,
    DuplicateOperatorError,
    Operator,
    OperatorStore,
    Role,
    hash_pin,
    name_problem,
    pin_problem,
)
from ..frozen import Frozen, init
from ..messages import Message, msg
from .audit_recorder import NO_AUDIT, AuditRecorder
from .pin_lockout import PinLockout, PinResult

if TYPE_CHECKING:
    from ..config import Config


#: The audit action of a manager-only action refused to the signed-in operator (details: ``permission``).
PERMISSION_REFUSED = "permission.refused"


class Permission(str, enum.Enum):
    """What a cashier may not do alone (a manager and the Trainee may)."""

    VOID_REFUND = "void-refund"
    SUBSCRIPTIONS_EDIT = "subscriptions-edit"
    CARD_OWNERS = "card-owners"
    PAYMENT_ORDERS = "payment-orders"
    SETTINGS = "settings"
    ENVIRONMENT = "environment"
    OPERATORS = "operators"
    CSV_EXPORT = "csv-export"
    #: Closing the day (the close that ends the period for everybody); a cashier closes their own shift.
    CLOSE_DAY = "close-day"


class StaffRefused(Exception):
    """Refused for a reason the operator reads (``.msg``)."""

    def __init__(self, message: Message) -> None:
        self.msg = message
        super().__init__(message.code)


class SignInResult(Frozen):
    """The answer to a sign-in: accepted or not, who, and the PIN check's result."""

    accepted: bool
    operator: Operator | None
    pin: PinResult | None

    __slots__ = ("accepted", "operator", "pin")

    def __init__(self, accepted: bool, operator: Operator | None = None, pin: PinResult | None = None) -> None:
        init(self, accepted, operator, pin)

    @property
    def locked_out(self) -> bool:
        return self.pin is not None and self.pin.locked_out

    @property
    def why(self) -> Message | None:
        """Why it was refused, in words (None when accepted)."""
        if self.accepted:
            return None
        if self.pin is not None and self.pin.locked_out:
            return msg("staff.locked-out", minutes=self.pin.locked_minutes)
        if self.pin is not None:
            return msg("staff.wrong-pin", tries=self.pin.tries_left)
        return msg("staff.wrong-name-or-pin")


class Approval(Frozen):
    """A manager's approval given in another operator's session (made only by :meth:`StaffService.approve`)."""

    manager: str
    _token: object

    __slots__ = ("manager", "_token")

    def __init__(self, manager: str, _token: object) -> None:
        init(self, manager, _token)


class StaffService:
    def __init__(self, store: OperatorStore, *, audit: AuditRecorder = NO_AUDIT,
                 now: Callable[[], float] = time.time) -> None:
        self.store = store
        self.audit = audit
        self._now = now
        self._token = object()
        self.current: Operator | None = None
        #: Called with the new current operator (or None) after every sign-in and sign-out.
        self.listeners: list[Callable[[Operator | None], None]] = []

    # --- who is signed in -------------------------------------------------------------------------

    def start(self, environment: str) -> Operator | None:
        """At start: the Trainee in training mode with no manager yet, else nobody (the sign-in screen)."""
        self._set_current(TRAINEE if self.training_available(environment) else None)
        return self.current

    def training_available(self, environment: str) -> bool:
        return environment == "sandbox" and not self.store.has_manager()

    def operator_name(self) -> str:
        """The journal's ``operator`` for what is done now."""
        return self.current.name if self.current is not None else "unknown"

    def lockout(self, name: str) -> PinLockout:
        return PinLockout(self.store, name.strip(), now=self._now)

    def status(self, name: str) -> SignInResult:
        """Whether ``name`` is locked out right now (the sign-in screen says so before a PIN is typed)."""
        if self.store.get(name) is None:
            return SignInResult(False)
        return SignInResult(False, pin=self.lockout(name).status())

    def sign_in(self, name: str, pin: str) -> SignInResult:
        result = self._check(name, pin)
        if result.accepted:
            self._set_current(result.operator)
            self.audit.record("sign-in", operator=self.operator_name())
        return result

    def sign_out(self) -> None:
        if self.current is not None:
            self.audit.record("sign-out", operator=self.current.name)
        self._set_current(None)

    def approve(self, name: str, pin: str) -> tuple[Approval | None, SignInResult]:
        """A manager's approval typed in the current session (the current operator stays signed in)."""
        result = self._check(name, pin)
        if not result.accepted:
            return None, result
        assert result.operator is not None
        if not result.operator.is_manager:
            return None, SignInResult(False, result.operator)
        return Approval(result.operator.name, self._token), result

    def _check(self, name: str, pin: str) -> SignInResult:
        found = self.store.get(name)
        if found is None or found.disabled:
            self.audit.record("sign-in.failed", operator=name.strip()[:40] or None)
            return SignInResult(False)
        lockout = self.lockout(found.name)
        already_locked_out = found.locked_until > 0 and lockout.status().locked_out
        result = lockout.attempt(pin, lambda typed: self.store.check_pin(found.name, typed))
        if result.accepted:
            return SignInResult(True, self.store.get(found.name), result)
        self.audit.record("sign-in.failed", operator=found.name)
        if result.locked_out and not already_locked_out:  # this wrong PIN was the fifth
            self.audit.record("lock-out", operator=found.name)
        return SignInResult(False, found, result)

    def _set_current(self, operator: Operator | None) -> None:
        self.current = operator
        for listener in list(self.listeners):
            listener(operator)

    # --- roles ------------------------------------------------------------------------------------

    def allowed(self, permission: Permission) -> bool:
        return self.current is not None and self.current.is_manager

    def require(self, permission: Permission) -> None:
        """The one home of the rule: raises :class:`StaffRefused` (and records the refusal in the audit trail,
        as a wrong PIN is) when the signed-in operator may not do ``permission``. Every manager-only action
        calls this where it is done (the service, or the entry point the widget calls), not only the button's
        enabled state: a shortcut or a signal can still reach a disabled button's action."""
        if not self.allowed(permission):
            self._refused(permission)
            raise StaffRefused(msg("staff.manager-only", action=msg(f"permission.{permission.value}")))

    def _refused(self, permission: Permission) -> None:
        self.audit.record(PERMISSION_REFUSED, operator=self.operator_name(),
                          details={"permission": permission.value})

    def require_own(self, owner: str, action: str) -> None:
        """For what belongs to one operator (``action`` ``"close-shift"``: their shift): raises
        :class:`StaffRefused` (recorded as a refusal, with the owner) unless ``owner`` is signed in. Not even
        a manager closes someone else's shift: the shift's close names who answers for its drawer."""
        if self.current is None or self.current.name != owner:
            self.audit.record(PERMISSION_REFUSED, operator=self.operator_name(),
                              details={"permission": action, "owner": owner})
            raise StaffRefused(msg("staff.not-yours", owner=owner, action=msg(f"permission.{action}")))

    def approver_for(self, permission: Permission, approval: Approval | None) -> str:
        """The manager answering for ``permission`` now: ``approval``'s (a manager's name and PIN typed in
        this session, recorded as an ``approval`` with both names), else the signed-in operator when they
        may (:meth:`require`: a cashier without a valid approval is refused, and that is recorded)."""
        if approval is not None and approval._token is self._token:
            self.audit.record("approval", operator=self.operator_name(), approver=approval.manager,
                              details={"permission": permission.value})
            return approval.manager
        self.require(permission)
        assert self.current is not None
        return self.current.name

    def approver_for_money(self, approval: Approval | None) -> str:
        """The manager answering for a void or refund now: the signed-in manager, or ``approval``'s.

        Raises :class:`StaffRefused` for a cashier without a valid approval (saying how to get one)."""
        try:
            return self.approver_for(Permission.VOID_REFUND, approval)
        except StaffRefused:
            raise StaffRefused(msg("staff.approval-needed")) from None

    # --- managers' work ---------------------------------------------------------------------------

    def add_operator(self, name: str, role: Role, pin: str) -> Operator:
        self.require(Permission.OPERATORS)
        problem = name_problem(name) or pin_problem(pin, role)
        if problem is not None:
            raise StaffRefused(problem)
        try:
            added = self.store.add(name, role, hash_pin(pin))
        except DuplicateOperatorError:
            raise StaffRefused(msg("staff.name-taken", name=name.strip())) from None
        self.audit.record("operator.added", operator=self.operator_name(),
                          details={"name": added.name, "role": role.value})
        return added

    def set_disabled(self, name: str, disabled: bool) -> None:
        self.require(Permission.OPERATORS)
        target = self._existing(name)
        if disabled and target.is_manager:
            self._keep_a_manager(target)
        self.store.set_disabled(target.name, disabled)
        self.audit.record("operator.disabled" if disabled else "operator.enabled", operator=self.operator_name(),
                          details={"name": target.name})

    def set_role(self, name: str, role: Role) -> None:
        self.require(Permission.OPERATORS)
        target = self._existing(name)
        if target.is_manager and role is Role.CASHIER:
            self._keep_a_manager(target)
        self.store.set_role(target.name, role)
        self.audit.record("operator.role-changed", operator=self.operator_name(),
                          details={"name": target.name, "role": f"{target.role.value} → {role.value}"})

    def reset_pin(self, name: str, pin: str) -> None:
        self.require(Permission.OPERATORS)
        target = self._existing(name)
        problem = pin_problem(pin, target.role)
        if problem is not None:
            raise StaffRefused(problem)
        self.store.set_pin_hash(target.name, hash_pin(pin))
        self.store.set_pin_attempts(target.name, 0, 0.0)
        self.audit.record("operator.pin-reset", operator=self.operator_name(), details={"name": target.name})

    def unlock(self, name: str) -> None:
        self.require(Permission.OPERATORS)
        target = self._existing(name)
        self.store.set_pin_attempts(target.name, 0, 0.0)
        self.audit.record("unlock", operator=self.operator_name(), details={"name": target.name})

    def change_own_pin(self, old: str, new: str) -> None:
        current = self.current
        if current is None or current.training:
            raise StaffRefused(msg("staff.sign-in-first"))
        problem = pin_problem(new, current.role)
        if problem is not None:
            raise StaffRefused(problem)
        result = self.lockout(current.name).attempt(old, lambda typed: self.store.check_pin(current.name, typed))
        if not result.accepted:
            raise StaffRefused(SignInResult(False, current, result).why or msg("staff.wrong-name-or-pin"))
        self.store.set_pin_hash(current.name, hash_pin(new))
        self.audit.record("operator.pin-changed", operator=current.name)

    def _existing(self, name: str) -> Operator:
        found = self.store.get(name)
        if found is None:
            raise StaffRefused(msg("staff.no-such-operator", name=name.strip()))
        return found

    def _keep_a_manager(self, target: Operator) -> None:
        others = [o for o in self.store.operators() if o.is_manager and not o.disabled and o.name != target.name]
        if not others:
            raise StaffRefused(msg("staff.last-manager"))

    # --- migration ----------------------------------------------------------------------------------

    def migrate_settings_pin(self, config: "Config") -> Operator | None:
        """Today's single manager PIN of the settings file becomes the manager "Manager" (its hash moves
        as it is: nobody knows the PIN to hash it again) and leaves the settings file, with its wrong-PIN
        count. Nothing happens when the file has no PIN or operators exist already."""
        pin_hash = config.manager_pin_hash
        migrated = None
        if pin_hash and not self.store.operators():
            migrated = self.store.add(MIGRATED_MANAGER_NAME, Role.MANAGER, pin_hash)
            self.audit.record("operator.added", operator="migration",
                              details={"name": MIGRATED_MANAGER_NAME, "role": Role.MANAGER.value})
        config.forget_manager_pin()
        return migrated


__all__ = ["PERMISSION_REFUSED", "Approval", "Permission", "SignInResult", "StaffRefused", "StaffService"]
