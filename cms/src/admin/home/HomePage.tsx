// The editors' home page. Strapi's own home page always offers "Add Widget" (drag, resize and add
// dashboard cards) and hosts the guided tour's overview; neither can be switched off by config.
// This page shows the same registered widgets (latest edited and published entries, the user's
// profile) in a fixed grid, and nothing else.
import * as React from 'react';
import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page, Widget, useAuth, useStrapiApp } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

type WidgetComponent = React.ComponentType<{ columnWidth?: number }>;
type WidgetEntry = {
  uid: string;
  title: { id: string; defaultMessage: string };
  component: () => Promise<WidgetComponent>;
  permissions?: Array<{ action: string }>;
  roles?: string[];
};

const lazyWidgets = new Map<string, React.LazyExoticComponent<WidgetComponent>>();
const lazyWidget = (widget: WidgetEntry) => {
  let component = lazyWidgets.get(widget.uid);
  if (!component) {
    component = React.lazy(async () => ({ default: await widget.component() }));
    lazyWidgets.set(widget.uid, component);
  }
  return component;
};

export const HomePage = () => {
  const { formatMessage } = useIntl();
  const user = useAuth('HomePage', (state) => state.user);
  const permissions = useAuth('HomePage', (state) => state.permissions);
  const getAllWidgets = useStrapiApp('HomePage', (state) => state.widgets.getAll) as () => WidgetEntry[];

  const actions = new Set(permissions.map((permission) => permission.action));
  const roleCodes = new Set((user?.roles ?? []).map((role) => role.code));
  const widgets = getAllWidgets().filter(
    (widget) =>
      (widget.permissions ?? []).every((permission) => actions.has(permission.action)) &&
      (!widget.roles || widget.roles.some((code) => roleCodes.has(code)))
  );
  const name = user?.firstname ?? user?.username ?? user?.email ?? '';

  return (
    <Layouts.Root>
      <Page.Main>
        <Page.Title>{formatMessage({ id: 'HomePage.head.title', defaultMessage: 'Homepage' })}</Page.Title>
        <Layouts.Header
          title={formatMessage({ id: 'HomePage.header.title', defaultMessage: 'Hello {name}' }, { name })}
          subtitle={formatMessage({ id: 'HomePage.header.subtitle', defaultMessage: 'Welcome to your administration panel' })}
        />
        <Layouts.Content>
          <Grid.Root gap={5} paddingBottom={10}>
            {widgets.map((widget) => {
              const Component = lazyWidget(widget);
              return (
                <Grid.Item key={widget.uid} col={6} s={12} direction="column" alignItems="stretch">
                  <Flex
                    tag="section"
                    direction="column"
                    alignItems="stretch"
                    gap={4}
                    padding={6}
                    hasRadius
                    background="neutral0"
                    shadow="tableShadow"
                    width="100%"
                    aria-label={formatMessage(widget.title)}
                  >
                    <Typography variant="delta" tag="h2">
                      {formatMessage(widget.title)}
                    </Typography>
                    <Box>
                      <React.Suspense fallback={<Widget.Loading />}>
                        <Component columnWidth={6} />
                      </React.Suspense>
                    </Box>
                  </Flex>
                </Grid.Item>
              );
            })}
          </Grid.Root>
        </Layouts.Content>
      </Page.Main>
    </Layouts.Root>
  );
};
