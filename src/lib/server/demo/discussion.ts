/** The demo network's discussion: what happened to each demo idea (supports, comments, its status). */
import type { AppDoc } from '../../domain/documents';
import { supportId, type IdeaStatus } from '../../domain/discussion';
import { editDoc } from '../../domain/envelope';
import type { Idea } from '../../domain/idea';
import { demoDoc, HOUR_MS, MINUTE_MS } from './dated';
import type { DemoProject, DemoProjectIds } from './projects';

interface Story {
	area: string;
	tags: string[];
	origin: Idea['origin'];
	supporters: string[];
	comments: ReadonlyArray<readonly [author: string, body: string, replyTo?: number]>;
	journey: ReadonlyArray<{
		to: IdeaStatus;
		by: string;
		reason?: string;
		outcome?: string;
		/** The demo project an idea taken forward became part of. */
		project?: DemoProject;
	}>;
}

/**
 * What happened to each demo idea, in the order of `demoIdeas()`: a realistic spread of every status,
 * with supports, a discussion, and "You said, we did" outcomes, so a newcomer sees a living network.
 */
const STORIES: readonly Story[] = [
	{
		area: 'Community',
		tags: ['information', 'see and treat'],
		origin: 'member',
		supporters: ['chair', 'recruiter', 'coordinator'],
		comments: [
			['chair', 'Same for us after my neighbour fell. The crew were kind but we were left guessing.'],
			['coordinator', 'The clinical team like this. I will bring a draft card to the next meeting.', 0]
		],
		journey: [
			{ to: 'under-discussion', by: 'coordinator' },
			{ to: 'taken-forward', by: 'coordinator', project: 'accessible' },
			{
				to: 'done',
				by: 'coordinator',
				outcome:
					'You said families were left not knowing what to do. We now leave a "what happens next" card at every see-and-treat visit, with the call reference and when to call again.'
			}
		]
	},
	{
		area: 'A&E operations',
		tags: ['handover', 'waiting'],
		origin: 'member',
		supporters: ['member', 'recruiter'],
		comments: [['member', 'Water and a blanket would make such a difference in winter.']],
		journey: [
			{ to: 'under-discussion', by: 'chair' },
			{ to: 'taken-forward', by: 'coordinator', project: 'handover' }
		]
	},
	{
		area: 'Community',
		tags: ['recruitment', 'rural'],
		origin: 'member',
		supporters: ['chair'],
		comments: [['coordinator', 'Lovely idea. Expenses for stall fees can come from the engagement budget.']],
		journey: [{ to: 'under-discussion', by: 'coordinator' }]
	},
	{
		area: '999 control room',
		tags: ['waiting', 'communication'],
		origin: 'public',
		supporters: ['chair', 'recruiter', 'coordinator'],
		comments: [
			['recruiter', 'A lady at the Pride stall said exactly this about waiting for her partner.'],
			['chair', 'We should ask how many calls this would mean for the control room.', 0]
		],
		journey: [
			{ to: 'under-discussion', by: 'coordinator' },
			{
				to: 'not-taken-forward',
				by: 'coordinator',
				reason: 'Texting every delayed caller needs a new system the trust cannot buy this year.',
				outcome:
					'You asked for texts about delays. We cannot do texts yet, but call handlers now give a call-back number and advice while waiting on every long-wait call.'
			}
		]
	},
	{
		area: '111',
		tags: ['easy read', 'accessibility'],
		origin: 'staff',
		supporters: ['member'],
		comments: [['member', 'I can help. My son has a learning disability and would love to be involved.']],
		journey: [{ to: 'taken-forward', by: 'coordinator', project: 'script' }]
	},
	{
		area: 'Community',
		tags: ['cpr', 'defibrillator'],
		origin: 'member',
		supporters: ['member', 'recruiter'],
		comments: [],
		journey: []
	},
	{
		area: 'Patient transport',
		tags: ['feedback', 'wheelchair users'],
		origin: 'member',
		supporters: [],
		comments: [['chair', 'Agree: the wait for the return journey is often the hardest bit.']],
		journey: []
	},
	{
		area: '',
		tags: ['new members'],
		origin: 'member',
		supporters: ['member', 'chair'],
		comments: [],
		journey: [{ to: 'under-discussion', by: 'chair' }]
	}
];

/** The demo ideas with their areas and tags, and everything that happened around them (linked to `projects`). */
export function demoDiscussion(
	ideas: readonly Idea[],
	projects: DemoProjectIds
): { ideas: Idea[]; docs: AppDoc[] } {
	const docs: AppDoc[] = [];
	const enriched = ideas.map((idea, i) => {
		const story = STORIES[i];
		if (!story) return idea;
		let clock = Date.parse(idea.createdAt);
		const next = () => (clock += 9 * HOUR_MS + (i + 1) * 7 * MINUTE_MS);
		const ideaId = idea._id;
		for (const supporter of story.supporters) {
			docs.push(demoDoc('support', supporter, { ideaId }, { at: next(), id: supportId(ideaId, supporter) }));
		}
		const commentIds: string[] = [];
		for (const [author, body, replyTo] of story.comments) {
			const parentId = replyTo === undefined ? null : (commentIds[replyTo] ?? null);
			const comment = demoDoc('comment', author, { ideaId, parentId, body, hidden: false }, { at: next() });
			commentIds.push(comment._id);
			docs.push(comment);
		}
		for (const { by, to, reason = '', outcome = '', project } of story.journey) {
			const projectId = project ? projects[project] : null;
			docs.push(demoDoc('status', by, { ideaId, to, reason, outcome, projectId }, { at: next() }));
		}
		// Its area and tags as its author gave them, so its dates stay as they were.
		const { area, tags, origin } = story;
		return editDoc('idea', idea, { area, tags, origin }, new Date(idea.updatedAt));
	});
	// Nothing is dated in the future: a demo seeded today shows today's activity at the latest.
	const now = new Date().toISOString();
	return { ideas: enriched, docs: docs.filter((doc) => doc.createdAt <= now) };
}
