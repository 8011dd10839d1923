/** The demo network's glossary: the ambulance and NHS terms members meet most, in plain words. */
import type { GlossaryTerm } from '../../domain/glossary';
import { DAY_MS, demoDoc, MINUTE_MS } from './dated';

/** [term, plain meaning, longer note]. */
const TERMS: ReadonlyArray<readonly [string, string, string?]> = [
	[
		'999',
		'The number to call in an emergency, when someone is seriously ill or hurt or their life is at risk.'
	],
	[
		'111',
		'The NHS number to call, or website to use, when you need help or advice quickly but it is not an emergency.',
		'Free from landlines and mobiles, day and night. 111 can send an ambulance if one is needed.'
	],
	[
		'A&E',
		'Accident and emergency: the hospital department for people who are badly hurt or suddenly very ill.',
		'Also called the emergency department (ED).'
	],
	['ED', 'Emergency department: another name for A&E.'],
	[
		'EOC',
		'Emergency operations centre: the control room that answers 999 calls and sends ambulances.',
		'Call handlers, clinicians and dispatchers work here, day and night.'
	],
	[
		'CAD',
		'Computer-aided dispatch: the computer system the control room uses to record calls and send ambulances.'
	],
	[
		'Clinical hub',
		'Nurses, paramedics and doctors in the control room who call patients back to give advice or decide what help they need.'
	],
	[
		'Hear and treat',
		'When a clinician gives advice over the phone, so the patient does not need an ambulance.'
	],
	[
		'See and treat',
		'When an ambulance crew treats a patient where they are, so they do not need to go to hospital.'
	],
	[
		'Handover',
		'When an ambulance crew passes the care of a patient to the hospital staff.',
		'Long handovers keep crews waiting at hospitals instead of going to the next call.'
	],
	[
		'HALO',
		'Hospital ambulance liaison officer: a senior ambulance staff member at a busy hospital who helps patients be handed over quickly.'
	],
	[
		'Category 1',
		'The fastest ambulance response, for people whose life is in immediate danger, such as when the heart has stopped.',
		'Also written C1. The national target is an average of 7 minutes.'
	],
	[
		'Category 2',
		'An emergency response for serious conditions such as a stroke, chest pain or a bad burn.',
		'Also written C2. The national target is an average of 18 minutes.'
	],
	[
		'Category 3',
		'An urgent response for problems that need treatment but are not life-threatening, such as a fall with an injury.',
		'Also written C3. Many are called back by the clinical hub first.'
	],
	[
		'Category 4',
		'A less urgent response: some patients are given advice or sent to another service instead of an ambulance.',
		'Also written C4.'
	],
	[
		'CFR',
		'Community first responder: a trained volunteer who goes to emergencies in their area and helps until the ambulance arrives.'
	],
	[
		'HART',
		'Hazardous area response team: ambulance staff trained to treat patients in dangerous places, such as at heights, in water or in collapsed buildings.'
	],
	[
		'PTS',
		'Patient transport service: vehicles that take people to and from hospital appointments when their health means they cannot travel another way.',
		'Also called non-emergency patient transport (NEPTS).'
	],
	['NEPTS', 'Non-emergency patient transport service: another name for PTS.'],
	[
		'CQC',
		'Care Quality Commission: the independent body that inspects health and care services in England and rates how good they are.'
	],
	['ICB', 'Integrated care board: the NHS body that plans and pays for most health services in an area.'],
	['NHS England', 'The national body that leads the NHS in England and sets what services must do.'],
	[
		'AACE',
		'Association of Ambulance Chief Executives: the body that brings the ambulance services of the UK together.'
	],
	[
		'PALS',
		'Patient Advice and Liaison Service: a team you can contact with a question, a worry or a complaint about NHS care.'
	],
	[
		'QI',
		'Quality improvement: making services better step by step, by testing small changes and measuring what happens.'
	],
	[
		'PDSA',
		'Plan, Do, Study, Act: a way to test a small change, look at what happened and decide what to do next.',
		'Each test is called a PDSA cycle. A project often runs several.'
	],
	[
		'Co-production',
		'Patients, the public and staff working as equal partners to design and improve services, from the start.'
	],
	[
		'Big I',
		'Being directly involved in a project, its development and delivery: a full and continuous partnership.'
	],
	['little i', 'Being asked for ideas from time to time, for example in a survey or a focus group.'],
	[
		'Critical friend',
		'A member who supports the service and is also willing to question it honestly, to help it improve.'
	]
];

/** The glossary, written by the coordinator when the network was set up. */
export function demoGlossary(now = Date.now()): GlossaryTerm[] {
	const at = now - 40 * DAY_MS;
	return TERMS.map(([term, meaning, note = ''], i) =>
		demoDoc('glossary-term', 'coordinator', { term, meaning, note }, { at: at + i * MINUTE_MS })
	);
}
