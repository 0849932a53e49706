/**
 * The alert settings form names its checkboxes in a hidden field: an unticked box sends nothing,
 * so a post without this marker is an incomplete form, not "switch everything off".
 */
export const ALERT_SETTINGS_CHECKBOXES = 'skipPrometheusSlos,fastBurnFreeze';
