/**
 * JiraPS command names accepted as aliases (case-insensitively), each mapped to the `<noun> <verb>` it means,
 * so `jirats Get-JiraIssue DEMO-1` works for people coming from the PowerShell module.
 */
export const JIRAPS_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'Get-JiraIssue': ['issue', 'get'],
  'New-JiraIssue': ['issue', 'create'],
  'Set-JiraIssue': ['issue', 'set'],
  'Remove-JiraIssue': ['issue', 'remove'],
  'Set-JiraIssueLabel': ['label', 'set'],
  'Get-JiraIssueCreateMetadata': ['meta', 'create'],
  'Get-JiraIssueEditMetadata': ['meta', 'edit'],
  'Add-JiraIssueComment': ['comment', 'add'],
  'Get-JiraIssueComment': ['comment', 'list'],
  'Invoke-JiraIssueTransition': ['transition', 'run'],
  'Add-JiraIssueWorklog': ['worklog', 'add'],
  'Get-JiraIssueWorklog': ['worklog', 'list'],
  'Add-JiraIssueAttachment': ['attachment', 'add'],
  'Get-JiraIssueAttachment': ['attachment', 'list'],
  'Get-JiraIssueAttachmentFile': ['attachment', 'download'],
  'Remove-JiraIssueAttachment': ['attachment', 'remove'],
  'Add-JiraIssueWatcher': ['watcher', 'add'],
  'Get-JiraIssueWatcher': ['watcher', 'list'],
  'Remove-JiraIssueWatcher': ['watcher', 'remove'],
  'New-JiraSession': ['session', 'new'],
  'Get-JiraSession': ['session', 'show'],
  'Remove-JiraSession': ['session', 'remove'],
  'Get-JiraServerInformation': ['server', 'info'],
  'Get-JiraServerInfo': ['server', 'info'],
  'Get-JiraUser': ['user', 'get'],
  'New-JiraUser': ['user', 'create'],
  'Set-JiraUser': ['user', 'set'],
  'Remove-JiraUser': ['user', 'remove'],
  'Get-JiraGroup': ['group', 'get'],
  'Get-JiraGroupMember': ['group', 'members'],
  'New-JiraGroup': ['group', 'create'],
  'Remove-JiraGroup': ['group', 'remove'],
  'Add-JiraGroupMember': ['group', 'add-member'],
  'Remove-JiraGroupMember': ['group', 'remove-member'],
  'Get-JiraProject': ['project', 'get'],
  'Get-JiraComponent': ['component', 'get'],
  // JiraPS has no component writes (its issue #120); these names follow its verb-noun pattern.
  'New-JiraComponent': ['component', 'create'],
  'Set-JiraComponent': ['component', 'set'],
  'Remove-JiraComponent': ['component', 'remove'],
  'Get-JiraVersion': ['version', 'get'],
  'New-JiraVersion': ['version', 'create'],
  'Set-JiraVersion': ['version', 'set'],
  'Move-JiraVersion': ['version', 'move'],
  'Remove-JiraVersion': ['version', 'remove'],
  'Set-JiraConfigServer': ['config', 'server', 'set'],
  'Get-JiraConfigServer': ['config', 'server', 'get'],
  'Invoke-JiraMethod': ['invoke'],
  'Set-JiraResponseHeaderLogConfiguration': ['headers-log', 'set'],
  'Get-JiraResponseHeaderLogConfiguration': ['headers-log', 'get'],
  'ConvertTo-AtlassianDocumentFormat': ['adf', 'from-markdown'],
  'ConvertTo-ADF': ['adf', 'from-markdown'],
  'ConvertFrom-AtlassianDocumentFormat': ['adf', 'to-markdown'],
  'ConvertFrom-ADF': ['adf', 'to-markdown'],
  'ConvertTo-JiraTable': ['table'],
  'Get-JiraField': ['field', 'list'],
  'Get-JiraPriority': ['priority', 'list'],
  'Get-JiraStatus': ['status', 'list'],
  'Get-JiraIssueType': ['issuetype', 'list'],
  'Get-JiraIssueLinkType': ['linktype', 'list'],
  'Add-JiraIssueLink': ['link', 'add'],
  'Get-JiraIssueLink': ['link', 'get'],
  'Remove-JiraIssueLink': ['link', 'remove'],
  // JiraPS builds the request object without sending it: the nearest thing is printing the request.
  'New-JiraIssueLinkRequest': ['link', 'add', '--dry-run'],
  'Get-JiraRemoteLink': ['remotelink', 'list'],
  'Remove-JiraRemoteLink': ['remotelink', 'remove'],
  'Add-JiraRemoteLink': ['remotelink', 'add'],
  'Set-JiraRemoteLink': ['remotelink', 'update'],
  'Clear-JiraCache': ['cache', 'clear'],
  'Get-JiraFilter': ['filter', 'get'],
  'Find-JiraFilter': ['filter', 'find'],
  'New-JiraFilter': ['filter', 'create'],
  'Set-JiraFilter': ['filter', 'set'],
  'Remove-JiraFilter': ['filter', 'remove'],
  'Get-JiraFilterPermission': ['filter', 'permission', 'list'],
  'Add-JiraFilterPermission': ['filter', 'permission', 'add'],
  'Remove-JiraFilterPermission': ['filter', 'permission', 'remove'],
  'Format-Jira': ['table'],
};

let byLowerCase: Map<string, readonly string[]> | undefined;

/** The `<noun> <verb>` words for a JiraPS name, or undefined when `word` is not one. */
export function expandAlias(word: string): readonly string[] | undefined {
  byLowerCase ??= new Map(Object.entries(JIRAPS_ALIASES).map(([k, v]) => [k.toLowerCase(), v]));
  return byLowerCase.get(word.toLowerCase());
}

/** The JiraPS names that map to `words` (for help texts). */
export function aliasesOf(...words: string[]): string[] {
  const target = words.join(' ');
  return Object.keys(JIRAPS_ALIASES).filter((k) => JIRAPS_ALIASES[k]?.join(' ') === target);
}
