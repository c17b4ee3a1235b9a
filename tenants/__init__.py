"""The tenant model: agencies, associations, memberships, users and role grants."""
