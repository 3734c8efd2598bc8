Feature: Sharing outside meetings under the Example Borough protocol (an example pack)
  This feature runs against the example pack, rules/example-csp: Example Borough, its protocol
  and every organisation named here are fictional, written to show ispcheck deciding under a
  second protocol with its own numbering (S4(d), Schedule 2 test 4, Sch7) and its own choices.
  Who it protects: people whose information the partners of Example Borough hold: victims,
  suspects awaiting trial, and people who could be picked out from small figures.
  Why: S4(d) puts a live case first: the investigating officer is consulted before anything about
  it is shared. S5(b) prefers anonymised figures, but sets its own line: a cell below 10 (not the
  ICO's example of 5) is treated as able to identify someone.
  Clauses covered: S4(d), S5(b).

  @clause-S4(d) @fires
  Scenario: A share about a live investigation waits for the investigating officer and the CPS
    Given Exampleshire Police propose to share a victim's address with Example Borough Council
    And the information relates to an ongoing investigation
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause S4(d)
    And the officer must refer to the investigating officer and the Crown Prosecution Service

  @clause-S4(d) @does-not-fire
  Scenario: Once the investigating officer and the CPS have been consulted, the share goes ahead
    Given Exampleshire Police propose to share a victim's address with Example Borough Council
    And the information relates to an ongoing investigation
    And the investigating officer and the Crown Prosecution Service have been consulted
    When the share is checked against the protocol
    Then the answer is share
    And clause S4(d) is not raised

  @clause-S5(b) @fires
  Scenario: Figures with a smallest cell of seven are treated as personal data under this protocol
    Given Example Borough Council proposes to share aggregated crime figures with Office of the Exampleshire Police and Crime Commissioner
    And the smallest number in the figures is 7
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause S5(b)
    And a condition is to suppress or round every count below 10
