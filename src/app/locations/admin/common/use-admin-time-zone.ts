import { useEffect, useState } from 'react';
import { getZafValue } from '../../../zaf/zaf-client';
import { useZafClient } from '../../../zaf/use-zaf-client';

/** The admin's IANA zone from Zendesk (`currentUser.timeZone`), for showing instants; UTC until known. */
export function useAdminTimeZone(): string {
  const client = useZafClient();
  const [zone, setZone] = useState('UTC');
  useEffect(() => {
    let current = true;
    getZafValue(client, 'currentUser.timeZone').then(
      (tz) => current && tz?.ianaName && setZone(tz.ianaName),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client]);
  return zone;
}
