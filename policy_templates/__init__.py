"""The five model policies as data files, with their loader and validator (plain Python)."""

STARTING_TEMPLATES = {
    "waltham": "Waltham (MA) Police Department — General Order GO-01, Community Relations",
    "cambridge": "Cambridge (MA) Police Department — Procedure 4.301, Community Relations",
    "new-canaan": "New Canaan (CT) Police Department — General Order 88-9-53, Community Relations",
    "alsip": "Alsip (IL) Police Department — Policy Manual 300, Community Relations",
    "texas-sample": "Texas Police Chiefs Association — sample community outreach policy",
}
