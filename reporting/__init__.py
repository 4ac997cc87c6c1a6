"""The two kinds of intake, side by side: `incidents` (fires and rescue needs
reported by the public or entered by staff) and `inspections` (building
fire-protection inspection requests from businesses). Each is its own app;
neither imports the other."""
