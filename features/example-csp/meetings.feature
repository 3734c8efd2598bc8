Feature: Meetings under the Example Borough protocol (an example pack)
  This feature runs against the example pack, rules/example-csp: Example Borough, its protocol
  and every organisation named here are fictional.
  Who it protects: victims of domestic abuse, people managed under MAPPA, the neighbours and
  tenants discussed at the ASB Case Review Panel, and offenders discussed at meetings the
  protocol does not name.
  Why: S6(a) names five meetings. The MARAC (Schedule 4) and MAPPA meetings (Schedule 5) let
  nothing leave without the chair's agreement and are never recorded; the ASB Case Review Panel
  has its own agreement (Schedule 6). Any other meeting, an integrated offender management case
  conference among them, uses the generic declaration of Schedule 3 until the Information
  Governance Panel adds a schedule for it (S6(b)).
  Clauses covered: Schedule 4 (Sch4), Schedule 5 (Sch5), Schedule 6 (Sch6), Schedule 3 (Sch3), S6(a), S6(b), S6(c).

  @clause-Sch4 @clause-S6(a) @clause-S6(c) @fires
  Scenario: Sharing a victim's health information at the MARAC follows the Schedule 4 statement
    Given Exampleshire Police propose to share a victim's health information with Harbourside Domestic Abuse Service
    And it is shared at a MARAC meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause Sch4
    And the reason cites clause S6(a)
    And the reason cites clause S6(c)
    And a condition is to make sure every attendee has signed the Schedule 4 declaration
    And a condition says the meeting must not be recorded (Schedule 4)

  @clause-Sch5 @fires
  Scenario: What was said at a MAPPA meeting goes no further without the chair
    Given Exampleshire Probation proposes to share an offender's criminal record with Examplevale Housing Association
    And the information was first shared at a MAPPA meeting
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause Sch5
    And the officer must refer to the meeting chair

  @clause-Sch6 @fires
  Scenario: At the ASB Case Review Panel each case is heard only by the agencies working on it
    Given Exampleshire Police propose to share an offender's criminal record with Examplevale Housing Association
    And it is shared at the ASB Case Review Panel
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause Sch6
    And a condition is to make sure every attendee has signed the Schedule 6 declaration
    And a condition says each case is heard in its own break-out room

  @clause-Sch3 @clause-S6(b) @fires
  Scenario: An integrated offender management case conference uses the generic Schedule 3 declaration
    Given Exampleshire Probation proposes to share an offender's criminal record with Exampleshire Recovery Partnership
    And it is shared at an IOM case conference
    And the power to share is another statute
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause Sch3
    And the reason cites clause S6(b)
    And a condition is to make sure every attendee has signed the Schedule 3 declaration
    And a condition says do not record the meeting unless every attendee agrees first
