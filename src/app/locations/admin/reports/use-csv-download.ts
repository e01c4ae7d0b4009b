import { useCallback } from 'react';
import { slaServerRequestOptions } from '../../../sla-server/sla-server-api';
import { getZafValue, type ZafHttpResponse } from '../../../zaf/zaf-client';
import { useZafSession } from '../../../zaf/use-zaf-client';

export type CsvDownload = (path: string, filename: string) => Promise<boolean>;

/**
 * Downloads a report's CSV (`format=csv`). The app runs in Zendesk's iframe and our server only answers signed
 * calls, so a plain link cannot work: the text comes through the signed proxy call (as admin-call's, but read as
 * text, which admin-call would take for a broken JSON body) and is offered as a Blob download.
 */
export function useCsvDownload(): CsvDownload {
  const { client, context, metadata } = useZafSession();
  const serverUrl = typeof metadata.settings.serverUrl === 'string' ? metadata.settings.serverUrl : '';
  return useCallback(
    async (path: string, filename: string) => {
      const user = await getZafValue(client, 'currentUser');
      const options = slaServerRequestOptions({ serverUrl, subdomain: context.account.subdomain, userId: user.id }, { method: 'GET', path, parse: () => ({ ok: true, value: null }) });
      const jwt = options.jwt && { ...options.jwt, claims: { ...options.jwt.claims, role: user.role } };
      let response: ZafHttpResponse;
      try {
        response = (await client.request({ ...options, ...(jwt ? { jwt } : {}) })) as ZafHttpResponse;
      } catch {
        return false;
      }
      if (typeof response?.responseText !== 'string' || response.status < 200 || response.status > 299) return false;
      saveText(response.responseText, filename);
      return true;
    },
    [client, context.account.subdomain, serverUrl],
  );
}

function saveText(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
