# One date format per kind on the whole site (FORMAT_MODULE_PATH); templates use
# `|date` (a day) and `|date:"DATETIME_FORMAT"` (a moment), never their own pattern.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y, H:i"
