"""Plans web pages by meaning: `plans` (list, dashboard, exports, board report), `actions` (an
action's page and its writes) and `imports` (upload, preview, confirm). Only the URLconf uses
them; no other module imports a module's views."""
