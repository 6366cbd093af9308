import { LabelledPages } from './labelled-pages.js';

/** The owner every journey sets Mila up for. */
export const journeyOwner = { name: 'נועה כהן', email: 'noa@example.co.il', password: 'correct horse battery' };
export const journeyBusiness = 'סטודיו נועה';

export class SetupPage extends LabelledPages {
  async completeFirstRun(
    owner: { name: string; email: string; password: string } = journeyOwner,
    businessName: string = journeyBusiness,
  ): Promise<void> {
    const page = this.page;
    await page.getByRole('heading', { name: this.t('setup.title') }).waitFor();
    await page.getByLabel(this.t('owner.name')).fill(owner.name);
    await page.getByLabel(this.t('owner.email')).fill(owner.email);
    await page.getByLabel(this.t('owner.password'), { exact: false }).first().fill(owner.password);
    await page.getByRole('button', { name: this.t('actions.next') }).click();
    await page.getByLabel(this.t('business.name')).fill(businessName);
    await page.getByRole('button', { name: this.t('setup.finish') }).click();
  }
}
