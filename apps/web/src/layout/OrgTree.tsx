import { orgLevelLabels, type TOrganization } from '@lianxin/contracts';
import { Button, Empty, Flex, Input, Spin, Tree, type TreeDataNode, Typography } from 'antd';
import { type Key, useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { toastError } from '../feedback.ts';
import { useCurrentOrg } from './CurrentOrgContext.tsx';

function toNode(org: TOrganization): TreeDataNode {
  return { key: org.id, title: org.name, isLeaf: org.childCount === 0 };
}

function withChildren(nodes: TreeDataNode[], key: Key, children: TreeDataNode[]): TreeDataNode[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children, isLeaf: children.length === 0 };
    if (node.children) return { ...node, children: withChildren(node.children, key, children) };
    return node;
  });
}

/** The organization tree of the left column: loaded branch by branch, searchable, with a reset. */
export function OrgTree() {
  const { roots, currentOrg, selectOrg, refreshTree } = useCurrentOrg();
  const [treeData, setTreeData] = useState<TreeDataNode[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<Key[]>([]);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<TOrganization[] | null>(null);
  const [searching, setSearching] = useState(false);

  // Fresh roots: rebuild; the expanded branches load again by themselves (expanded and not loaded).
  useEffect(() => {
    setTreeData((roots ?? []).map(toNode));
    setLoadedKeys([]);
  }, [roots]);

  // Open the branches down to the current organization, wherever it was chosen.
  useEffect(() => {
    if (!currentOrg) return;
    const ancestors = currentOrg.path.slice(0, -1).map((p) => p.id);
    setExpandedKeys((keys) => [...new Set([...keys, ...ancestors])]);
  }, [currentOrg]);

  const loadData = async (node: TreeDataNode) => {
    try {
      const { items } = await api.orgs.children(String(node.key));
      setTreeData((nodes) => withChildren(nodes, node.key, items.map(toNode)));
    } catch (error) {
      toastError(error);
    } finally {
      setLoadedKeys((keys) => [...new Set([...keys, node.key])]);
    }
  };

  const search = async (text: string) => {
    const q = text.trim();
    if (!q) {
      setResults(null);
      return;
    }
    setSearching(true);
    try {
      setResults((await api.orgs.search(q)).items);
    } catch (error) {
      toastError(error);
    } finally {
      setSearching(false);
    }
  };

  const reset = () => {
    setQuery('');
    setResults(null);
    setExpandedKeys(currentOrg ? currentOrg.path.slice(0, -1).map((p) => p.id) : []);
    refreshTree();
  };

  return (
    <nav aria-label="组织树" style={{ padding: '12px 12px 24px' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        组织
      </Typography.Text>
      <Flex gap={8} style={{ marginTop: 6 }}>
        <Input.Search
          aria-label="搜索组织"
          placeholder="名称或区划代码"
          allowClear
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onSearch={(value) => void search(value)}
          loading={searching}
        />
        <Button onClick={reset}>重置</Button>
      </Flex>
      {results ? (
        <section aria-label="搜索结果" style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            搜索结果（{results.length}）
          </Typography.Text>
          {results.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有匹配的组织" />
          ) : (
            <ul className="lx-search-results">
              {results.map((org) => (
                <li key={org.id}>
                  <button
                    type="button"
                    onClick={() => void selectOrg(org.id)}
                    style={{ fontWeight: currentOrg?.id === org.id ? 600 : 400 }}
                  >
                    {org.name}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                      {orgLevelLabels[org.level]}
                      {org.divisionCode ? ` · ${org.divisionCode}` : ''}
                    </Typography.Text>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <div style={{ marginTop: 8 }}>
        {roots === undefined ? (
          <Spin size="small" />
        ) : (
          <Tree
            blockNode
            treeData={treeData}
            loadData={loadData}
            loadedKeys={loadedKeys}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpandedKeys(keys)}
            selectedKeys={currentOrg ? [currentOrg.id] : []}
            onSelect={(keys) => {
              const key = keys[0];
              if (key !== undefined) void selectOrg(String(key));
            }}
          />
        )}
      </div>
    </nav>
  );
}
