import { ToilNav } from '@/components/toil/toil-nav';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, THead, Th } from '@/components/ui/table';
import { listToilCategoriesForAdmin } from '@/db/toil/categories';
import { getToilSettings } from '@/db/toil/settings';
import { pageContext } from '@/server/guard';
import { CategoryRow, NewCategoryForm, ToilSettingsForm } from './client';

export const metadata = { title: 'Toil settings' };

export default async function ToilSettingsPage() {
  const { db, user } = await pageContext('admin');
  const [settings, categories] = await Promise.all([getToilSettings(db), listToilCategoriesForAdmin(db)]);
  return (
    <>
      <PageHeader
        title="Toil categories and cap"
        crumbs={[{ label: 'Operations' }, { label: 'Toil', href: '/toil' }, { label: 'Settings' }]}
      />
      <ToilNav current="/toil/settings" role={user.role} />
      <div className="grid grid-cols-1 gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Cap</CardTitle>
            <CardDescription>
              Google&apos;s SRE practice keeps toil below 50% of each engineer&apos;s time; the reports flag
              every team above this cap.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ToilSettingsForm
              capPercent={Math.round(settings.cap * 1000) / 10}
              defaultEstimateHours={settings.defaultEstimateHours}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Categories</CardTitle>
            <CardDescription>
              Renaming keeps the slug, so CSV files and bots keep working. Archived categories leave the entry
              form; old entries and reports keep them.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid grid-cols-1 gap-6">
            <Table>
              <THead>
                <tr>
                  <Th>Name</Th>
                  <Th>Slug</Th>
                  <Th>Order</Th>
                  <Th>Status</Th>
                  <Th />
                </tr>
              </THead>
              <TBody>
                {categories.map((c) => (
                  <CategoryRow key={c.id} category={c} />
                ))}
              </TBody>
            </Table>
            <NewCategoryForm />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
