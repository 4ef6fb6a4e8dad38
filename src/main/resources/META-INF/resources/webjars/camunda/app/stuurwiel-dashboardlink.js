// A link to Stuurwiel's dashboard among Tasklist's actions in the navigation bar, beside "Proces
// starten", so that staff move between their tasks and the portfolio in one click. Relative, so that
// it holds under any context path (the page is /camunda/app/tasklist/default/).
export default {
  id: 'stuurwiel-dashboard',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: (knoop) => {
    const link = document.createElement('a');
    link.href = '../../../../dashboard/';
    link.className = 'stuurwiel-dashboard';
    link.title = 'Het portfolio, de doelen en de rapportages in Stuurwiel';
    const pictogram = document.createElement('span');
    pictogram.className = 'glyphicon glyphicon-stats';
    pictogram.setAttribute('aria-hidden', 'true');
    link.append(pictogram, ' Stuurwiel-dashboard');
    knoop.append(link);
  }
};
