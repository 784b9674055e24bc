import type { Database } from '../db/connect.ts';
import { transactionKnowingOutcome } from '../db/outage.ts';
import { mapChanged } from '../map/version.ts';
import { insertReport, RepeatedSubmission, type CreatedReport } from '../reports/create.ts';
import type { NewReport } from '../../domain/report-input.ts';
import type { StaffUser } from './accounts.ts';
import { audit } from './audit.ts';

/**
 * A report taken by phone, already checked by the public form's rules (newReportSchema) with
 * channel `phone`: saved with the operator as who entered it and the audit entry, in one transaction.
 * The form's key (`submission`) makes a double click file it once.
 */
export async function fileByPhone(database: Database, input: NewReport, user: StaffUser, address: string, submission?: string): Promise<CreatedReport> {
	try {
		const created = await transactionKnowingOutcome(database, async (tx) => {
			const report = await insertReport(tx, input, { enteredById: user.id, submissionKey: submission ? `staff:${submission}` : undefined });
			await audit(tx, { accountId: user.id, action: 'phone_intake', reportId: report.id, address });
			return report;
		});
		mapChanged(database);
		return created;
	} catch (e) {
		if (e instanceof RepeatedSubmission) return e.report;
		throw e;
	}
}
