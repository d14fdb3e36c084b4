import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { NavContentNavItem } from '@backstage/plugin-app-react';
import { PageNavItem } from './PageNavItem';

function item(href: string, title: string): NavContentNavItem {
  return { href, title, icon: <span />, node: {} as any, routeRef: {} as any };
}

const items = [
  item('/catalog', 'Catalog'),
  item('/scorecards', 'Scorecards'),
  item('/scorecards/campaigns', 'Campaigns'),
];

async function renderAt(path: string) {
  renderInTestApp(
    <>
      {items.map(i => (
        <PageNavItem
          key={i.href}
          item={i}
          hrefs={items.map(({ href }) => href)}
        />
      ))}
    </>,
    { initialRouteEntries: [path] },
  );
  await screen.findByRole('link', { name: 'Scorecards' });
  return (title: string) =>
    screen.getByRole('link', { name: title }).getAttribute('aria-current');
}

describe('PageNavItem', () => {
  it('highlights an item on its page and the pages below it', async () => {
    const current = await renderAt('/scorecards/production-readiness');
    expect(current('Scorecards')).toBe('page');
    expect(current('Campaigns')).toBeNull();
    expect(current('Catalog')).toBeNull();
  });

  it('leaves an item dark on the pages of a deeper item', async () => {
    const current = await renderAt('/scorecards/campaigns/adopt-techdocs');
    expect(current('Campaigns')).toBe('page');
    expect(current('Scorecards')).toBeNull();
  });

  it('highlights an item at its own address', async () => {
    const current = await renderAt('/scorecards');
    expect(current('Scorecards')).toBe('page');
    expect(current('Campaigns')).toBeNull();
  });
});
