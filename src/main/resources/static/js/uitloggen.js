'use strict';
// Coming from "Log out" in Tasklist, Cockpit or Admin, the user has already chosen: log out at once.
// A link from elsewhere only shows the button, so another site cannot log anyone out.

document.addEventListener('DOMContentLoaded', () => {
  const formulier = document.getElementById('uitloggen');
  if (formulier && document.referrer.startsWith(window.location.origin + '/')) {
    formulier.requestSubmit();
  }
});
