// Stuurwiel: the webapps run on Stuurwiel's login, so their "Log out" goes to Stuurwiel's logout,
// which ends the session here (and, with single sign-on, at the identity provider). The webapp's
// own logout would only forget its copy of the login and log the user straight back in.
const UITLOGGEN = '%UITLOGGEN%';

// Capturing on the document runs before AngularJS's handler on the link, whenever the menu is drawn.
document.addEventListener('click', (klik) => {
  const link = klik.target instanceof Element ? klik.target.closest('li.logout a') : null;
  if (link) {
    klik.preventDefault();
    klik.stopPropagation();
    window.location.assign(UITLOGGEN);
  }
}, true);

// The webapp's own login form cannot log anyone in here. It shows when a request found the session
// ended; loading the page again goes through Stuurwiel's login, and back to where the user was.
const naarStuurwielLogin = () => {
  if (!window.location.hash.startsWith('#/login')) {
    return;
  }
  // Not in a loop, should the login keep ending here: at most two reloads in ten seconds.
  const nu = Date.now();
  let vorige = [];
  try {
    vorige = JSON.parse(window.sessionStorage.getItem('stuurwiel-login-herladen') || '[]').filter(t => nu - t < 10000);
  } catch (e) {
    vorige = [];
  }
  if (vorige.length >= 2) {
    return;
  }
  window.sessionStorage.setItem('stuurwiel-login-herladen', JSON.stringify([...vorige, nu]));
  window.location.replace(window.location.pathname);
};
window.addEventListener('hashchange', naarStuurwielLogin);
naarStuurwielLogin();
