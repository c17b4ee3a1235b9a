"""The roles a grant can carry, and what each may do in the staff console."""

OPERATOR = "operator"
ASSOCIATION_STAFF = "association_staff"
AGENCY_ADMIN = "agency_admin"
COORDINATOR = "coordinator"
CHIEF = "chief"
SUPERVISOR = "supervisor"
OFFICER = "officer"
BACKGROUND_REVIEWER = "background_reviewer"

AGENCY_ROLES = (AGENCY_ADMIN, COORDINATOR, CHIEF, SUPERVISOR, OFFICER, BACKGROUND_REVIEWER)

ROLE_LABELS = {
    OPERATOR: "Platform operator",
    ASSOCIATION_STAFF: "Association staff",
    AGENCY_ADMIN: "Agency admin",
    COORDINATOR: "Coordinator",
    CHIEF: "Chief / approver",
    SUPERVISOR: "Supervisor",
    OFFICER: "Officer / member",
    BACKGROUND_REVIEWER: "Background reviewer",
}

# Roles whose holders must use a second factor: grants that touch criminal-history data,
# and the platform operator (held through `User.is_operator`, not a grant), who manages
# every agency and reads the embedded outbox.
ROLES_REQUIRING_TOTP = frozenset({BACKGROUND_REVIEWER, OPERATOR})
