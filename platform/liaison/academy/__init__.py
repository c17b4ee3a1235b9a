"""Citizen police academy: cohorts, applications, background-check outcomes (never the
records themselves), selection and retention."""
