package checker

import "testing"

// TestKindOfOtherTexts: texts that use the word "agreement" without being
// a family's agreement are unknown; correspondence and minutes that set
// out what each will do are agreements (contract section 1). The texts are
// the project's own.
func TestKindOfOtherTexts(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"blog post", `Blog: what inspectors look for in written agreements

Posted by the Ofsted social care team

When we inspect children's services we often read written agreements. The best ones are short and clear. Practitioners should write them with the family, and a written agreement should never replace a child protection plan.

Too often we see agreements that list what parents must do and say nothing about what professionals will do. An agreement should be reviewed regularly. Social workers should explain what happens if it is not kept, and managers should check that agreements are not being used to close cases.

Safety plans are the right tool where there is domestic abuse, and undertakings can help at case closure. Further information is in our inspection framework.`, KindUnknown},
		{"procedures page", `4.2 Written agreements procedure

1. Purpose of this procedure
This procedure sets out how practitioners in the council should use written agreements with families.

2. When to use a written agreement
A written agreement should be used to support a child in need plan or a child protection plan. It should not be used where there is domestic abuse; a safety plan should be used instead.

3. Recording
The social worker should record the agreement on the child's file and give a copy to everyone who signs it. The team manager should review each agreement in supervision.

Related guidance: safety plans; written undertakings.`, KindUnknown},
		{"tenancy agreement", `ASSURED TENANCY AGREEMENT

Tenant: Ms Jo Hill
Landlord: Riverside Homes

1. The tenant will pay the rent every Monday.
2. The tenant will keep the property clean.
3. The landlord will repair the roof within 28 days of a report.

Signed by the tenant ________ Date ______`, KindUnknown},
		{"home-school agreement", `HOME-SCHOOL AGREEMENT

The school will keep you informed about your child's progress.
As a parent/carer I will make sure my child arrives on time every day.
As a pupil I will do my homework.

Signed (parent/carer) ________ Date ______`, KindUnknown},
		{"case note", `CASE NOTE

Home visit to Tara Stone on 3 March. We went through the written agreement.
Tara will ring the GP on Thursday. I will visit again next week.`, KindUnknown},
		{"letter that only mentions one", `Dear Ms Stone,

I am writing to invite you to a meeting on 3 March to review the written agreement we signed in January. I will visit Ava at school before then to hear her views.

Yours sincerely,

Jo Bell
Social Worker`, KindUnknown},
		{"email setting out what each will do", `From: Jo Bell
To: Tara Stone
Subject: What we agreed on Monday

Hi Tara,

Here is what we agreed on Monday.
- You will take Ava to nursery by 9am every weekday.
- You will ring me by Friday if the GP appointment changes.
- I'll refer you to the Family Hub by Friday 7 March.

Thanks,
Jo`, KindAgreement},
		{"minutes with actions", `Minutes of a meeting to agree a written agreement

Present: Tara Stone (mum), Jo Bell (social worker)

Actions agreed
Action	Who	By when
Take Ava to nursery every weekday	Tara Stone	From Monday 3 March
Refer Tara to the Family Hub	Jo Bell	By Friday 7 March
Visit at home	Jo Bell	Every two weeks`, KindAgreement},
		{"blank template", `WRITTEN AGREEMENT – TEMPLATE

Child: [child's name]
Start date: DD/MM/YYYY

[Parent name] will:
1. (insert detail)

The social worker will:
1. (insert detail)

Signed ______ Date ______`, KindAgreement},
		{"a draft being typed", "Written agreement for Ava\n\nTara will take Ava to nursery", KindAgreement},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Check(tc.text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Kind != tc.want {
				t.Errorf("kind %s, want %s", r.Kind, tc.want)
			}
		})
	}
}
