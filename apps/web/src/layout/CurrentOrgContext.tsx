import type { TOrganization } from '@lianxin/contracts';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { api, type TOrganizationDetail } from '../api/endpoints.ts';
import { toastError } from '../feedback.ts';
import { CURRENT_ORG_KEY } from '../session/SessionContext.tsx';

interface CurrentOrgValue {
  /** The caller's scope roots; undefined while loading. */
  roots: TOrganization[] | undefined;
  /** The organization chosen in the tree, with its path root → self; null when none is chosen yet. */
  currentOrg: TOrganizationDetail | null;
  selectOrg: (id: string) => Promise<void>;
  /** Re-read the current organization (after a rename, a move …). */
  reloadCurrent: () => Promise<void>;
  /** Re-read the roots and every expanded branch of the tree. */
  refreshTree: () => void;
  treeVersion: number;
}

const CurrentOrgContext = createContext<CurrentOrgValue | null>(null);

export function CurrentOrgProvider({ children }: { children: ReactNode }) {
  const [roots, setRoots] = useState<TOrganization[] | undefined>(undefined);
  const [currentOrg, setCurrentOrg] = useState<TOrganizationDetail | null>(null);
  const [treeVersion, setTreeVersion] = useState(0);
  const currentId = useRef<string | null>(null);

  const selectOrg = useCallback(async (id: string) => {
    currentId.current = id;
    try {
      const detail = await api.orgs.get(id);
      if (currentId.current !== id) return; // a later click won
      setCurrentOrg(detail);
      sessionStorage.setItem(CURRENT_ORG_KEY, id);
    } catch (error) {
      toastError(error);
    }
  }, []);

  const reloadCurrent = useCallback(async () => {
    if (currentId.current) await selectOrg(currentId.current);
  }, [selectOrg]);

  // Load the roots (again on every refresh); choose the remembered or the first organization.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `treeVersion` re-runs this on refreshTree().
  useEffect(() => {
    let live = true;
    api.orgs
      .children()
      .then(async ({ items }) => {
        if (!live) return;
        setRoots(items);
        if (currentId.current) return;
        const remembered = sessionStorage.getItem(CURRENT_ORG_KEY);
        const first = items[0]?.id;
        if (remembered) {
          try {
            const detail = await api.orgs.get(remembered);
            if (!live) return;
            currentId.current = remembered;
            setCurrentOrg(detail);
            return;
          } catch {
            sessionStorage.removeItem(CURRENT_ORG_KEY);
          }
        }
        if (first && live) await selectOrg(first);
      })
      .catch((error: unknown) => {
        if (!live) return;
        toastError(error);
        setRoots([]);
      });
    return () => {
      live = false;
    };
  }, [treeVersion, selectOrg]);

  const refreshTree = useCallback(() => setTreeVersion((v) => v + 1), []);

  const value = useMemo(
    () => ({ roots, currentOrg, selectOrg, reloadCurrent, refreshTree, treeVersion }),
    [roots, currentOrg, selectOrg, reloadCurrent, refreshTree, treeVersion],
  );
  return <CurrentOrgContext.Provider value={value}>{children}</CurrentOrgContext.Provider>;
}

/** The chosen organization where the admin layout provides one; null on a cadre's own pages. */
export function useOptionalCurrentOrg(): CurrentOrgValue | null {
  return useContext(CurrentOrgContext);
}

export function useCurrentOrg(): CurrentOrgValue {
  const value = useContext(CurrentOrgContext);
  if (!value) throw new Error('useCurrentOrg outside CurrentOrgProvider');
  return value;
}
